import { Connection } from 'mongoose';
import { GrantStore, RefreshTokenRecord } from './grant-records';
import { GrantDocument, grantModels, insertOnce, RefreshTokenDocument } from './grant-documents';
import { Grant, RevocationReason } from './grant-store';
import { isWellFormedOpaqueToken, opaqueTokenHash } from './opaque-token';

/** The grant store on MongoDB (and FerretDB 1.x): reads by `_id`, single use by insert. */
export class MongoGrantStore implements GrantStore {
  private readonly models: ReturnType<typeof grantModels>;

  constructor(connection: Connection) {
    this.models = grantModels(connection);
  }

  async createGrant(grant: Grant): Promise<void> {
    const { grantId, scopes, ...rest } = grant;
    await insertOnce(() =>
      this.models.grants.create({ _id: grantId, scopes: [...scopes], ...rest }),
    );
  }

  async findGrant(grantId: string): Promise<Grant | null> {
    const doc = await this.models.grants.findById(grantId).lean<GrantDocument>();
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { grantId: _id, ...rest };
  }

  revokeGrant(grantId: string, reason: RevocationReason, now: Date): Promise<boolean> {
    return insertOnce(() =>
      this.models.revocations.create({ _id: grantId, reason, revokedAt: now }),
    );
  }

  async isGrantRevoked(grantId: string): Promise<boolean> {
    return (await this.models.revocations.exists({ _id: grantId })) !== null;
  }

  async grantOfRefreshToken(refreshToken: string): Promise<Grant | null> {
    if (!isWellFormedOpaqueToken(refreshToken)) return null;
    const token = await this.findRefreshToken(opaqueTokenHash(refreshToken));
    return token ? this.findGrant(token.grantId) : null;
  }

  async saveRefreshToken(token: RefreshTokenRecord): Promise<void> {
    const { hash, scopes, ...rest } = token;
    await this.models.refreshTokens.create({ _id: hash, scopes: [...scopes], ...rest });
  }

  async findRefreshToken(hash: string): Promise<RefreshTokenRecord | null> {
    const doc = await this.models.refreshTokens.findById(hash).lean<RefreshTokenDocument>();
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { hash: _id, ...rest };
  }

  async isRefreshTokenRedeemed(hash: string): Promise<boolean> {
    return (await this.models.redemptions.exists({ _id: hash })) !== null;
  }

  redeemRefreshToken(hash: string, now: Date): Promise<boolean> {
    return insertOnce(() => this.models.redemptions.create({ _id: hash, redeemedAt: now }));
  }
}
