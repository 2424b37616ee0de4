/** An access token revoked before its expiry: its `jti`, whose it was, and until when it matters. */
export interface RevokedAccessToken {
  readonly jti: string;
  readonly clientId: string;
  /** The token's `exp`: past it the token is inactive anyway and the entry can go. */
  readonly expiresAt: Date;
}

/**
 * The `jti`s of revoked access tokens (RFC 7009), checked by introspection. Insert-only: a
 * revocation is one insert under `_id` = jti, so concurrent revocations of one token cannot both
 * count as the first (FerretDB applies updates as read, then write; inserts under a unique `_id`
 * are atomic).
 */
export interface RevokedAccessTokens {
  /** Idempotent; false when the token was revoked before (no new event is due). */
  revoke(token: RevokedAccessToken, now: Date): Promise<boolean>;
  isRevoked(jti: string): Promise<boolean>;
  /**
   * Drops the entries of tokens that expired before `before`; returns how many. Periodic,
   * because FerretDB has no TTL index.
   */
  purgeExpired(before: Date): Promise<number>;
}

export const REVOKED_ACCESS_TOKENS = Symbol('REVOKED_ACCESS_TOKENS');
