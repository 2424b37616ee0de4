import { Inject, Injectable } from '@nestjs/common';
import { Clock, EXTAPPS_ADMIN_RESOURCE } from '@extapps/contracts';
import {
  HttpExceptionWithHeaders,
  invalidToken,
  Principal,
  SERVICE_CONFIG,
} from '@extapps/platform';
import type { FastifyRequest } from 'fastify';
import { createLocalJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import { ClientCatalog, ClientLookup } from '../clients/client-catalog';
import { TokenConfig } from '../config';
import {
  ACCESS_TOKEN_TYPE,
  JsonWebKeySet,
  SIGNING_ALGORITHM,
  SigningKeys,
} from '../keys/signing-keys';
import { REVOKED_ACCESS_TOKENS, RevokedAccessTokens } from '../revocation/revoked-access-tokens';
import { CLOCK } from '../tokens';

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

/**
 * Bearer tokens for this service's own admin API (`/v1/users`): access tokens it issued itself
 * (RFC 9068: `typ` at+jwt, `iss` = ISSUER, `aud` = ExtAppsAdminApi), verified against its own
 * signing keys in memory, no JWKS fetch. The client named by `client_id` must still be active in
 * the client table, and the token not revoked, so either stops the token here at once.
 */
@Injectable()
export class AdminTokenVerifier {
  private keySet: { source: JsonWebKeySet; verify: ReturnType<typeof createLocalJWKSet> } | null =
    null;

  constructor(
    @Inject(SigningKeys) private readonly keys: SigningKeys,
    @Inject(SERVICE_CONFIG) private readonly config: TokenConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ClientCatalog) private readonly clients: ClientLookup,
    @Inject(REVOKED_ACCESS_TOKENS) private readonly revoked: RevokedAccessTokens,
  ) {}

  async authenticate(request: FastifyRequest): Promise<Principal | null> {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined) return null;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.localKeys(), {
        issuer: this.config.ISSUER,
        audience: EXTAPPS_ADMIN_RESOURCE,
        typ: ACCESS_TOKEN_TYPE,
        algorithms: [SIGNING_ALGORITHM],
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp', 'client_id', 'jti'],
      }));
    } catch (error) {
      throw invalidToken(describe(error));
    }
    const principal = this.principalOf(payload);
    // RFC 7009: a token its client revoked is refused here at once, as introspection refuses it.
    if (await this.revoked.isRevoked(String(payload.jti)))
      throw invalidToken('The access token has been revoked.');
    return principal;
  }

  private principalOf(payload: JWTPayload): Principal {
    const { sub, sub_type, client_id, scope } = payload;
    if (typeof sub !== 'string' || typeof client_id !== 'string')
      throw invalidToken('The access token has no subject or client.');
    if (!this.clients.ready)
      throw new HttpExceptionWithHeaders('The token service is starting.', 503, {
        'retry-after': '1',
      });
    if (this.clients.find(client_id)?.status !== 'active')
      throw invalidToken('The client of the access token is not active.');
    const scopes = typeof scope === 'string' ? scope.split(' ').filter((s) => s !== '') : [];
    return { subject: sub, subjectType: sub_type === 'user' ? 'user' : 'app', scopes };
  }

  /** One key set per published JWKS: SigningKeys hands out the same object until it changes. */
  private localKeys(): ReturnType<typeof createLocalJWKSet> {
    const source = this.keys.jwks;
    if (this.keySet?.source !== source)
      this.keySet = { source, verify: createLocalJWKSet({ keys: [...source.keys] }) };
    return this.keySet.verify;
  }
}

/** What the caller may be told; jose's own messages name the expected values. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'The access token was not issued by this service.';
    if (error.claim === 'aud') return 'The access token is not meant for this API.';
    if (error.claim === 'typ') return 'The token is not an access token (typ must be at+jwt).';
    return 'The access token claims are invalid.';
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return "The access token's signing key is unknown.";
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'The access token is signed with an algorithm that is not accepted.';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'The access token signature is invalid.';
  return 'The access token is invalid.';
}
