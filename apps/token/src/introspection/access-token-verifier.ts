import { createLocalJWKSet, errors, JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import { ACCESS_TOKEN_TYPE, JsonWebKeySet, SIGNING_ALGORITHM } from '../keys/signing-keys';
import { AccessTokenClaims } from '../token-endpoint/access-token';

/** The keys verification may use: only what the JWKS publishes, as a resource server would. */
export interface PublishedKeys {
  readonly jwks: JsonWebKeySet;
}

const text = z.string().min(1).max(1_000);
const seconds = z.number().int().nonnegative();

/** The claims this service puts in every access token (RFC 9068 §2.2 plus ours). */
const claimsSchema = z.object({
  iss: text,
  sub: text,
  sub_type: z.enum(['app', 'user']),
  aud: text,
  client_id: text,
  scope: z.string().max(10_000),
  iat: seconds,
  exp: seconds,
  jti: text,
  gid: text.optional(),
});

/**
 * Checks an access token as ours and current: ES256 under a published key, `typ: at+jwt`, our
 * issuer, not expired at `now` (no leeway: the clock that issued it judges it), every claim we
 * issue present. Anything else is null, not an error: to introspection it is all inactive.
 */
export class AccessTokenVerifier {
  private cached: { readonly jwks: JsonWebKeySet; readonly getKey: JWTVerifyGetKey } | undefined;

  constructor(
    private readonly keys: PublishedKeys,
    private readonly issuer: string,
  ) {}

  async verify(token: string, now: Date): Promise<AccessTokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.keySet(), {
        issuer: this.issuer,
        typ: ACCESS_TOKEN_TYPE,
        algorithms: [SIGNING_ALGORITHM],
        currentDate: now,
      });
      const claims = claimsSchema.safeParse(payload);
      return claims.success ? claims.data : null;
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }

  // The published set is the same object until a key is added or retired.
  private keySet(): JWTVerifyGetKey {
    const { jwks } = this.keys;
    if (this.cached?.jwks !== jwks)
      this.cached = { jwks, getKey: createLocalJWKSet({ keys: [...jwks.keys] }) };
    return this.cached.getKey;
  }
}
