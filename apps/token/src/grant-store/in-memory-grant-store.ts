import { GrantStore, RefreshTokenRecord } from './grant-records';
import { Grant, RevocationReason } from './grant-store';
import { isWellFormedOpaqueToken, opaqueTokenHash } from './opaque-token';

/** The grant store without a database, for unit tests; same contract suite as MongoGrantStore. */
export class InMemoryGrantStore implements GrantStore {
  private readonly grants = new Map<string, Grant>();
  private readonly revocations = new Map<string, { reason: RevocationReason; revokedAt: Date }>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  private readonly redemptions = new Set<string>();

  async createGrant(grant: Grant): Promise<void> {
    if (!this.grants.has(grant.grantId)) this.grants.set(grant.grantId, copyGrant(grant));
  }

  async findGrant(grantId: string): Promise<Grant | null> {
    const grant = this.grants.get(grantId);
    return grant ? copyGrant(grant) : null;
  }

  async revokeGrant(grantId: string, reason: RevocationReason, now: Date): Promise<boolean> {
    if (this.revocations.has(grantId)) return false;
    this.revocations.set(grantId, { reason, revokedAt: now });
    return true;
  }

  async isGrantRevoked(grantId: string): Promise<boolean> {
    return this.revocations.has(grantId);
  }

  async grantOfRefreshToken(refreshToken: string): Promise<Grant | null> {
    if (!isWellFormedOpaqueToken(refreshToken)) return null;
    const token = await this.findRefreshToken(opaqueTokenHash(refreshToken));
    return token ? this.findGrant(token.grantId) : null;
  }

  async saveRefreshToken(token: RefreshTokenRecord): Promise<void> {
    if (this.refreshTokens.has(token.hash)) throw new Error('refresh token hash already stored');
    this.refreshTokens.set(token.hash, { ...token, scopes: [...token.scopes] });
  }

  async findRefreshToken(hash: string): Promise<RefreshTokenRecord | null> {
    const token = this.refreshTokens.get(hash);
    return token ? { ...token, scopes: [...token.scopes] } : null;
  }

  async isRefreshTokenRedeemed(hash: string): Promise<boolean> {
    return this.redemptions.has(hash);
  }

  async redeemRefreshToken(hash: string): Promise<boolean> {
    if (this.redemptions.has(hash)) return false;
    this.redemptions.add(hash);
    return true;
  }
}

const copyGrant = (grant: Grant): Grant => ({ ...grant, scopes: [...grant.scopes] });
