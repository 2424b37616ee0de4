import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';
import { RevokedAccessToken, RevokedAccessTokens } from './revoked-access-tokens';

export const REVOKED_ACCESS_TOKENS_COLLECTION = 'revoked_access_tokens';

interface RevokedAccessTokenDocument {
  /** The token's jti: the insert that wins is the one revocation. */
  readonly _id: string;
  readonly clientId: string;
  readonly expiresAt: Date;
  readonly revokedAt: Date;
}

const schema = new Schema<RevokedAccessTokenDocument>(
  {
    _id: { type: String, required: true },
    clientId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, required: true },
  },
  // Fails at once while MongoDB is away instead of holding the request for mongoose's buffer.
  { versionKey: false, bufferCommands: false },
);

const MODEL_NAME = 'token:revoked-access-tokens';

/**
 * Revoked access tokens in `revoked_access_tokens`, shared by every instance. Lookups go by `_id`
 * only. No secondary index: the hourly purge by `expiresAt` scans, which FerretDB does anyway.
 */
export class MongoRevokedAccessTokens implements RevokedAccessTokens {
  private readonly model: Model<RevokedAccessTokenDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models[MODEL_NAME] as Model<RevokedAccessTokenDocument> | undefined) ??
      connection.model<RevokedAccessTokenDocument>(
        MODEL_NAME,
        schema,
        REVOKED_ACCESS_TOKENS_COLLECTION,
      );
  }

  async revoke({ jti, clientId, expiresAt }: RevokedAccessToken, now: Date): Promise<boolean> {
    try {
      await this.model.create({ _id: jti, clientId, expiresAt, revokedAt: now });
      return true;
    } catch (error) {
      if (asDuplicateKeyConflict(error)) return false;
      throw error;
    }
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.model.exists({ _id: jti }).exec()) !== null;
  }

  async purgeExpired(before: Date): Promise<number> {
    const { deletedCount } = await this.model.deleteMany({ expiresAt: { $lt: before } }).exec();
    return deletedCount;
  }
}
