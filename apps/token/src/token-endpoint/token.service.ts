import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Logger } from 'pino';
import { ClientCatalog, ClientLookup } from '../clients/client-catalog';
import { TokenConfig } from '../config';
import { SigningKeys } from '../keys/signing-keys';
import { CLOCK } from '../tokens';
import { appTokenClaims } from './access-token';
import { oauthError } from './oauth-error';
import { decideTokenRequest, Refusal, TokenRequest } from './token-request';

/** RFC 6749 §5.1 successful response; no refresh token for client credentials (§4.4.3). */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
}

export type TokenOutcome =
  | { readonly ok: true; readonly response: TokenResponse }
  | { readonly ok: false; readonly refusal: Refusal };

/** Seconds a client should wait while the client table is still loading. */
export const NOT_READY_RETRY_AFTER_SECONDS = 1;

@Injectable()
export class TokenService {
  constructor(
    @Inject(ClientCatalog) private readonly clients: ClientLookup,
    private readonly keys: SigningKeys,
    @Inject(SERVICE_CONFIG) private readonly config: TokenConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async issue(request: TokenRequest): Promise<TokenOutcome> {
    // Before catch-up the table may still hold a secret whose revocation is yet to be read.
    if (!this.clients.ready) {
      const error = oauthError(
        'temporarily_unavailable',
        'The token service is starting; retry shortly.',
      );
      return { ok: false, refusal: { error } };
    }
    const now = this.clock.now();
    const decision = decideTokenRequest(request, (id) => this.clients.find(id), now);
    if (!decision.ok) {
      this.logRefusal(decision.refusal);
      return decision;
    }
    const { client, grant } = decision.value;
    const ttlSeconds = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const claims = appTokenClaims({
      issuer: this.config.ISSUER,
      clientId: client.clientId,
      grant,
      issuedAt: now,
      ttlSeconds,
    });
    const accessToken = await this.keys.sign({ ...claims });
    this.logger.debug(
      { clientId: client.clientId, aud: claims.aud, scope: claims.scope, jti: claims.jti },
      'access token issued',
    );
    return {
      ok: true,
      response: {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: ttlSeconds,
        scope: claims.scope,
      },
    };
  }

  /** Failed authentications only: the access log already records every request. */
  private logRefusal({ authentication }: Refusal): void {
    if (authentication) this.logger.info({ ...authentication }, 'client authentication failed');
  }
}
