import { Injectable, Type } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Authenticator, Principal } from '../http/authenticator';
import {
  AsymmetricAlgorithm,
  ASYMMETRIC_ALGORITHMS,
  DEFAULT_ALGORITHMS,
  describeRefusal,
  principalFromClaims,
  refuseHeader,
} from './access-token';
import { invalidToken, signingKeysUnavailable } from './bearer-challenge';
import { jwksKeySource, SigningKeysUnavailable } from './jwks-keys';

export interface JwtAuthenticatorOptions {
  /** Compared exactly with the token's `iss`. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** Must appear in the token's `aud`. */
  readonly audience: string;
  /** Default ['ES256', 'RS256']; public-key algorithms only. */
  readonly algorithms?: readonly AsymmetricAlgorithm[];
  /** Leeway for exp/nbf against clock skew (default 0). */
  readonly clockToleranceSec?: number;
  /** JWKS fetches per minute for kids not yet cached (default 10). */
  readonly jwksRequestsPerMinute?: number;
  readonly jwksTimeoutMs?: number;
}

type Outcome =
  | { readonly kind: 'success'; readonly principal: Principal }
  | { readonly kind: 'fail'; readonly reason: unknown }
  | { readonly kind: 'error'; readonly error: unknown };

/** The passport hooks a strategy calls from `authenticate`; passport adds them per request. */
interface StrategyAttempt {
  authenticate(request: unknown, options?: unknown): void;
  success(user: unknown): void;
  fail(challenge?: unknown): void;
  error(error: unknown): void;
  pass(): void;
  redirect(url: string): void;
}

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * RFC 9068 access tokens from the token service, verified with passport-jwt against its JWKS. No
 * bearer token → null (the guard's plain 401); a refused token → a 401 `invalid_token` challenge;
 * keys that cannot be fetched → 503, because the token may be fine. Keys are cached per kid, so a
 * JWKS outage only affects tokens signed with a key this instance has not seen yet.
 */
export class JwtAuthenticator implements Authenticator {
  private readonly strategy: Strategy;
  private readonly algorithms: readonly AsymmetricAlgorithm[];

  constructor(options: JwtAuthenticatorOptions) {
    this.algorithms = options.algorithms ?? DEFAULT_ALGORITHMS;
    const unsupported = this.algorithms.filter((a) => !ASYMMETRIC_ALGORITHMS.includes(a));
    if (this.algorithms.length === 0 || unsupported.length > 0)
      throw new Error(`JwtAuthenticator: unsupported algorithms [${unsupported.join(', ')}]`);
    this.strategy = new Strategy(
      {
        jwtFromRequest: bearerToken,
        secretOrKeyProvider: jwksKeySource({
          jwksUrl: options.jwksUrl,
          requestsPerMinute: options.jwksRequestsPerMinute,
          timeoutMs: options.jwksTimeoutMs,
        }),
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [...this.algorithms],
        jsonWebTokenOptions: { clockTolerance: options.clockToleranceSec ?? 0 },
      },
      (claims: unknown, done: (error: unknown, user?: unknown, info?: unknown) => void) => {
        const outcome = principalFromClaims(claims);
        if (outcome.ok) done(null, outcome.principal);
        else done(null, false, outcome.refused);
      },
    );
  }

  async authenticate(request: FastifyRequest): Promise<Principal | null> {
    const token = bearerToken(request);
    if (!token) return null;
    const refused = refuseHeader(token, this.algorithms);
    if (refused) throw invalidToken(refused.message);
    const outcome = await this.runStrategy(request);
    switch (outcome.kind) {
      case 'success':
        return outcome.principal;
      case 'fail':
        if (outcome.reason instanceof SigningKeysUnavailable)
          throw signingKeysUnavailable(outcome.reason);
        throw invalidToken(describeRefusal(outcome.reason));
      case 'error':
        throw outcome.error;
      default: {
        const unhandled: never = outcome;
        throw new Error(`unhandled outcome ${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** What passport's middleware does per request: a child of the strategy with the hooks set. */
  private runStrategy(request: FastifyRequest): Promise<Outcome> {
    return new Promise((resolve) => {
      const attempt = Object.create(this.strategy) as StrategyAttempt;
      attempt.success = (user) => resolve({ kind: 'success', principal: user as Principal });
      attempt.fail = (reason) => resolve({ kind: 'fail', reason });
      attempt.error = (error) => resolve({ kind: 'error', error });
      attempt.pass = () => resolve({ kind: 'error', error: new Error('strategy passed') });
      attempt.redirect = (url) => resolve({ kind: 'error', error: new Error(`redirect ${url}`) });
      try {
        attempt.authenticate(request);
      } catch (error) {
        resolve({ kind: 'error', error });
      }
    });
  }
}

/**
 * A JwtAuthenticator class bound to `options`, for `authenticator:` in ServiceModule.forRoot or
 * createTestHttpApp, which take a class for Nest to instantiate.
 */
export function jwtAuthenticator(options: JwtAuthenticatorOptions): Type<Authenticator> {
  @Injectable()
  class ConfiguredJwtAuthenticator extends JwtAuthenticator {
    constructor() {
      super(options);
    }
  }
  return ConfiguredJwtAuthenticator;
}
