import { Client } from '../clients/client';
import { FoundToken } from './token-finder';

export const INACTIVE = { active: false } as const;

/** RFC 7662 §2.2 for an active access token, plus our `sub_type`. */
export interface ActiveAccessToken {
  readonly active: true;
  readonly token_type: 'Bearer';
  readonly scope: string;
  readonly client_id: string;
  readonly sub: string;
  readonly sub_type: 'app' | 'user';
  readonly aud: string;
  readonly iss: string;
  readonly exp: number;
  readonly iat: number;
  readonly jti: string;
}

/** An active refresh token: whose it is, what it may ask for, and its own lifetime. */
export interface ActiveRefreshToken {
  readonly active: true;
  readonly token_type: 'refresh_token';
  readonly scope: string;
  readonly client_id: string;
  readonly sub: string;
  readonly sub_type: 'user';
  readonly aud: string;
  readonly iss: string;
  readonly iat: number;
  readonly exp: number;
}

export type IntrospectionResponse = typeof INACTIVE | ActiveAccessToken | ActiveRefreshToken;

export interface IntrospectionContext {
  /** The authenticated caller. */
  readonly callerId: string;
  readonly clientOf: (clientId: string) => Client | undefined;
  readonly issuer: string;
}

/**
 * What introspection tells the caller. Every inactive case is the same `{"active": false}`
 * (RFC 7662 §2.2: nothing more, so a caller learns nothing about why): unknown, foreign,
 * malformed, expired or revoked, a token of an app no longer active (a disabled app's tokens
 * stop at once here), or a refresh token of another client (only its own client may use it).
 */
export function introspect(
  found: FoundToken | null,
  context: IntrospectionContext,
): IntrospectionResponse {
  if (!found || found.revoked) return INACTIVE;
  const clientId = found.kind === 'access_token' ? found.claims.client_id : found.token.clientId;
  if (context.clientOf(clientId)?.status !== 'active') return INACTIVE;
  switch (found.kind) {
    case 'access_token': {
      const { scope, client_id, sub, sub_type, aud, iss, exp, iat, jti } = found.claims;
      return {
        active: true,
        token_type: 'Bearer',
        ...{ scope, client_id, sub, sub_type, aud, iss, exp, iat, jti },
      };
    }
    case 'refresh_token': {
      if (clientId !== context.callerId) return INACTIVE;
      const { token } = found;
      return {
        active: true,
        token_type: 'refresh_token',
        scope: token.scopes.join(' '),
        client_id: token.clientId,
        sub: token.userId,
        sub_type: 'user',
        aud: token.audience,
        iss: context.issuer,
        iat: seconds(token.issuedAt),
        exp: seconds(token.expiresAt),
      };
    }
    default: {
      const unexpected: never = found;
      throw new Error(`unknown token kind ${JSON.stringify(unexpected)}`);
    }
  }
}

const seconds = (at: Date): number => Math.floor(at.getTime() / 1000);
