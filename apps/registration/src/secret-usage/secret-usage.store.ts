import { Connection, Model, mongo, Schema } from 'mongoose';

export const SECRET_USAGE_COLLECTION = 'secret_usage';

/**
 * When a secret was last used, from the token service's events. Kept apart from the app views:
 * those are rebuilt from the registration log, which knows nothing of token requests.
 */
interface SecretUsageDocument {
  /** `<appId>/<secretId>`. */
  readonly _id: string;
  readonly appId: string;
  readonly secretId: string;
  readonly lastUsedAt: Date;
}

const usageSchema = new Schema<SecretUsageDocument>(
  {
    _id: { type: String, required: true },
    appId: { type: String, required: true },
    secretId: { type: String, required: true },
    lastUsedAt: { type: Date, required: true },
  },
  { versionKey: false, id: false, collection: SECRET_USAGE_COLLECTION },
);
usageSchema.index({ appId: 1 }, { name: 'app' });

/** `appId` → `secretId` → last use. */
export type UsageByApp = ReadonlyMap<string, ReadonlyMap<string, Date>>;

export class SecretUsageStore {
  private readonly model: Model<SecretUsageDocument>;

  constructor(connection: Connection) {
    const name = 'SecretUsage';
    this.model =
      (connection.models[name] as Model<SecretUsageDocument> | undefined) ??
      connection.model<SecretUsageDocument>(name, usageSchema, SECRET_USAGE_COLLECTION);
  }

  /**
   * Records a use; `$max` keeps the latest whatever order uses arrive in, so a redelivered or
   * late event changes nothing (idempotent).
   */
  async recordUse(appId: string, secretId: string, at: Date): Promise<void> {
    const collection = this.model.collection as unknown as mongo.Collection<SecretUsageDocument>;
    await collection.updateOne(
      { _id: `${appId}/${secretId}` },
      { $max: { lastUsedAt: at }, $set: { appId, secretId } },
      { upsert: true },
    );
  }

  async lastUsedOf(appIds: readonly string[]): Promise<UsageByApp> {
    const usage = new Map<string, Map<string, Date>>();
    if (appIds.length === 0) return usage;
    const documents = await this.model
      .find({ appId: { $in: appIds } })
      .lean<SecretUsageDocument[]>();
    for (const { appId, secretId, lastUsedAt } of documents) {
      const secrets = usage.get(appId) ?? new Map<string, Date>();
      secrets.set(secretId, lastUsedAt);
      usage.set(appId, secrets);
    }
    return usage;
  }

  async createIndexes(): Promise<void> {
    await this.model.createIndexes();
  }
}
