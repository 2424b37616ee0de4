import { asDuplicateKeyConflict } from '@extapps/mongo';
import type { JWK } from 'jose';
import { Connection, Model, Schema } from 'mongoose';
import { SealedPrivateKey } from './key-cipher';
import { InsertOutcome, SigningKeyStore, StoredSigningKey } from './signing-key-store';

export const SIGNING_KEYS_COLLECTION = 'signing_keys';

interface SigningKeyDocument {
  /** The generation: the one unique key, so the insert that wins a rotation is the only one. */
  readonly _id: number;
  readonly kid: string;
  readonly publicJwk: JWK;
  readonly privateKey: SealedPrivateKey;
  readonly createdAt: Date;
  readonly activatesAt: Date;
}

const signingKeySchema = new Schema<SigningKeyDocument>(
  {
    _id: { type: Number, required: true },
    kid: { type: String, required: true },
    publicJwk: { type: Schema.Types.Mixed, required: true },
    privateKey: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    activatesAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

/**
 * Signing keys in MongoDB, one document per generation. Only inserts and deletes: FerretDB 1.x
 * applies updates as read-then-write, so an insert on `_id` is the one race-free decision.
 */
export class MongoSigningKeyStore implements SigningKeyStore {
  private readonly model: Model<SigningKeyDocument>;

  constructor(connection: Connection, collection = SIGNING_KEYS_COLLECTION) {
    const name = `signing-keys:${collection}`;
    this.model =
      (connection.models[name] as Model<SigningKeyDocument> | undefined) ??
      connection.model<SigningKeyDocument>(name, signingKeySchema, collection);
  }

  async list(): Promise<StoredSigningKey[]> {
    const documents = await this.model.find().sort({ _id: 1 }).lean<SigningKeyDocument[]>();
    return documents.map(({ _id, ...key }) => ({ generation: _id, ...key }));
  }

  async insert({ generation, ...key }: StoredSigningKey): Promise<InsertOutcome> {
    try {
      await this.model.create({ _id: generation, ...key });
      return 'inserted';
    } catch (error) {
      if (asDuplicateKeyConflict(error)) return 'taken';
      throw error;
    }
  }

  async remove(generations: readonly number[]): Promise<void> {
    if (generations.length === 0) return;
    await this.model.deleteMany({ _id: { $in: [...generations] } });
  }
}
