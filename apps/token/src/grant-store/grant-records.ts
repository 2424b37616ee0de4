import { Grant, GrantRevocations } from './grant-store';

/** A refresh token as stored: its hash, never the token. */
export interface RefreshTokenRecord {
  /** `opaqueTokenHash` of the token. */
  readonly hash: string;
  readonly grantId: string;
  readonly clientId: string;
  readonly userId: string;
  /** The grant's scopes: a rotated token keeps them even after a narrowed refresh (RFC 6749 §6). */
  readonly scopes: readonly string[];
  readonly audience: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/**
 * Grants, their refresh tokens and revocations. Single use rests on inserts under a unique `_id`
 * (FerretDB 1.x updates are read-then-write, so a conditional update can have several winners):
 * a redemption and a revocation are each one insert, and the insert that wins is the one.
 */
export interface GrantStore extends GrantRevocations {
  /** Records the grant of a redeemed code. Idempotent by grantId. */
  createGrant(grant: Grant): Promise<void>;
  findGrant(grantId: string): Promise<Grant | null>;
  saveRefreshToken(token: RefreshTokenRecord): Promise<void>;
  /** The token by hash, current or already rotated; null when unknown. */
  findRefreshToken(hash: string): Promise<RefreshTokenRecord | null>;
  /** True for the first redemption of the token; false for every later one (a reuse). */
  redeemRefreshToken(hash: string, now: Date): Promise<boolean>;
  /** True once the token was redeemed (rotated): it can never be redeemed again. */
  isRefreshTokenRedeemed(hash: string): Promise<boolean>;
}

export const GRANT_STORE = Symbol('GRANT_STORE');
