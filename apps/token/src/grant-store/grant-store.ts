/**
 * A grant: one user's authorization of one app, from a code exchange. Its refresh tokens rotate
 * within it; revoking it ends every refresh token and access token (`gid` claim) it produced.
 */
export interface Grant {
  readonly grantId: string;
  readonly clientId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly audience: string;
  readonly offlineAccess: boolean;
  readonly createdAt: Date;
}

export type RevocationReason =
  | 'revocation-request'
  | 'authorization-code-reuse'
  | 'refresh-token-reuse';

/** What the revocation and introspection endpoints ask of the grants. */
export interface GrantRevocations {
  /** Idempotent; returns false when the grant was revoked before (no new event is due). */
  revokeGrant(grantId: string, reason: RevocationReason, now: Date): Promise<boolean>;
  isGrantRevoked(grantId: string): Promise<boolean>;
  /**
   * The grant a refresh token (plaintext, as presented) belongs to, current or rotated, or null
   * for an unknown token. For revocation (RFC 7009): revoking any refresh token revokes its grant.
   */
  grantOfRefreshToken(refreshToken: string): Promise<Grant | null>;
}

export const GRANT_REVOCATIONS = Symbol('GRANT_REVOCATIONS');
