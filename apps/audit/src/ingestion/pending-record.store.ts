import { Connection, Model, mongo, Schema } from 'mongoose';
import { AuditCollections, AuditRecord } from '../records/audit-record';
import { PendingAuditDocument, toPendingDocument } from '../records/pending-record';

export interface StoreOutcome {
  /** Records inserted now. */
  readonly stored: number;
  /** Records already pending under the same event id: nothing was added for them. */
  readonly duplicates: number;
}

const DUPLICATE_KEY = 11000;

// A schema only to obtain a model bound to the connection (and its command buffering); records
// are written through the driver as they are.
const pendingSchema = new Schema({ _id: String }, { strict: false, versionKey: false, id: false });

/** Inserts normalized records into `audit_pending`; the chainer takes them from there. */
export class PendingRecordStore {
  private readonly model: Model<PendingAuditDocument>;

  constructor(connection: Connection) {
    const name = 'AuditPendingIngest';
    this.model =
      (connection.models[name] as Model<PendingAuditDocument> | undefined) ??
      connection.model<PendingAuditDocument>(name, pendingSchema, AuditCollections.pending);
  }

  /**
   * Idempotent: an event id already pending is skipped, every other record is inserted (unordered,
   * so one duplicate does not stop the rest). Any other failure rejects, and the caller retries
   * the whole batch, whose already inserted records then count as duplicates.
   */
  async add(records: readonly AuditRecord[]): Promise<StoreOutcome> {
    if (records.length === 0) return { stored: 0, duplicates: 0 };
    const collection = this.model.collection as unknown as mongo.Collection<PendingAuditDocument>;
    try {
      const result = await collection.insertMany(records.map(toPendingDocument), {
        ordered: false,
      });
      return { stored: result.insertedCount, duplicates: 0 };
    } catch (error) {
      const duplicates = duplicatesOnly(error);
      if (duplicates === undefined) throw error;
      return { stored: records.length - duplicates, duplicates };
    }
  }
}

/** The number of refused inserts when every one of them was a duplicate key; else undefined. */
function duplicatesOnly(error: unknown): number | undefined {
  // Read by shape: a driver error is not always an instance of the driver class mongoose exports.
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  if (!Array.isArray(writeErrors) || writeErrors.length === 0) return undefined;
  const codes = writeErrors.map((e: { code?: unknown }) => e.code);
  return codes.every((code) => code === DUPLICATE_KEY) ? codes.length : undefined;
}
