import { GrantStore, RefreshTokenRecord } from '../grant-store/grant-records';
import { isWellFormedOpaqueToken, opaqueTokenHash } from '../grant-store/opaque-token';
import { RevokedAccessTokens } from '../revocation/revoked-access-tokens';
import { AccessTokenClaims } from '../token-endpoint/access-token';
import { AccessTokenVerifier } from './access-token-verifier';

/** RFC 7009 §2.1 / RFC 7662 §2.1 `token_type_hint` values this service knows. */
export type TokenTypeHint = 'access_token' | 'refresh_token';

/**
 * A hint only: it orders the search, which always covers both types. Unknown values are ignored
 * (RFC 7009 §2.1 lets the server ignore the hint; `unsupported_token_type` is for a token type the
 * server cannot revoke, and both types here can be).
 */
export function tokenTypeHintOf(value: string | undefined): TokenTypeHint | undefined {
  return value === 'access_token' || value === 'refresh_token' ? value : undefined;
}

/** One of our tokens, current (signature, issuer, expiry) and whether it has been revoked. */
export type FoundToken =
  | {
      readonly kind: 'access_token';
      readonly claims: AccessTokenClaims;
      readonly revoked: boolean;
    }
  | {
      readonly kind: 'refresh_token';
      readonly token: RefreshTokenRecord;
      readonly revoked: boolean;
    };

/** What the finder reads of refresh tokens: the stored record (by hash) and its grant's state. */
export type RefreshTokenRecords = Pick<
  GrantStore,
  'findRefreshToken' | 'isGrantRevoked' | 'isRefreshTokenRedeemed'
>;

/** Longer than any token issued here (an access token is under 1 kB): looked up nowhere. */
export const MAX_TOKEN_LENGTH = 4_096;

/**
 * Finds a presented token among ours, unexpired at `now`. An access token is checked locally
 * against the published keys, then against the revoked jtis and its grant (`gid`); a refresh token
 * is read by its hash, then whether it was rotated (spent) and its grant's revocation. Store
 * failures propagate: the endpoints answer 503.
 */
export class TokenFinder {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly revokedAccessTokens: RevokedAccessTokens,
    private readonly refreshTokens: RefreshTokenRecords,
  ) {}

  async find(
    token: string,
    hint: TokenTypeHint | undefined,
    now: Date,
  ): Promise<FoundToken | null> {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    if (hint === 'refresh_token')
      return (await this.refreshToken(token, now)) ?? this.accessToken(token, now);
    return (await this.accessToken(token, now)) ?? this.refreshToken(token, now);
  }

  private async accessToken(token: string, now: Date): Promise<FoundToken | null> {
    const claims = await this.verifier.verify(token, now);
    if (!claims) return null;
    const [jtiRevoked, grantRevoked] = await Promise.all([
      this.revokedAccessTokens.isRevoked(claims.jti),
      claims.gid === undefined ? false : this.refreshTokens.isGrantRevoked(claims.gid),
    ]);
    return { kind: 'access_token', claims, revoked: jtiRevoked || grantRevoked };
  }

  private async refreshToken(token: string, now: Date): Promise<FoundToken | null> {
    if (!isWellFormedOpaqueToken(token)) return null;
    const record = await this.refreshTokens.findRefreshToken(opaqueTokenHash(token));
    if (!record || record.expiresAt <= now) return null;
    const [spent, grantRevoked] = await Promise.all([
      this.refreshTokens.isRefreshTokenRedeemed(record.hash),
      this.refreshTokens.isGrantRevoked(record.grantId),
    ]);
    return { kind: 'refresh_token', token: record, revoked: spent || grantRevoked };
  }
}
