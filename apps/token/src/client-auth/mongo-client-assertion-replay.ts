import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';
import { ClientAssertionReplay, JtiClaim, jtiKey } from './client-assertion-replay';

export const USED_ASSERTIONS_COLLECTION = 'client_assertion_jtis';

interface UsedAssertionDocument {
  /** Client id and jti: the unique key, so of two requests with one assertion one insert wins. */
  readonly _id: string;
  readonly usableUntil: Date;
}

const usedAssertionSchema = new Schema<UsedAssertionDocument>(
  { _id: { type: String, required: true }, usableUntil: { type: Date, required: true } },
  { versionKey: false },
);

/**
 * Used assertion ids in MongoDB. Insert-only (FerretDB 1.x updates are not atomic); FerretDB has
 * no TTL index either, so expired claims are deleted by `purgeExpired`, run periodically.
 */
export class MongoClientAssertionReplay implements ClientAssertionReplay {
  private readonly model: Model<UsedAssertionDocument>;

  constructor(connection: Connection, collection = USED_ASSERTIONS_COLLECTION) {
    const name = `used-assertions:${collection}`;
    this.model =
      (connection.models[name] as Model<UsedAssertionDocument> | undefined) ??
      connection.model<UsedAssertionDocument>(name, usedAssertionSchema, collection);
  }

  async claim(clientId: string, jti: string, usableUntil: Date): Promise<JtiClaim> {
    try {
      await this.model.create({ _id: jtiKey(clientId, jti), usableUntil });
      return 'first-use';
    } catch (error) {
      if (asDuplicateKeyConflict(error)) return 'replayed';
      throw error;
    }
  }

  async purgeExpired(now: Date): Promise<number> {
    const { deletedCount } = await this.model.deleteMany({ usableUntil: { $lte: now } });
    return deletedCount;
  }
}
