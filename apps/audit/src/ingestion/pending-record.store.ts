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

// A schema only to obtain a model bound to the connection (and its command buffering); documents
// are written through the driver as toPendingDocument makes them (the record as JSON text).
const pendingSchema = new Schema(
  { _id: String, record: String },
  { strict: false, versionKey: false, id: false },
);

/**
 * Inserts normalized records into `audit_pending`, one `{_id: eventId, record: <JSON>}` document
 * each; the chainer takes them from there.
 */
export class PendingRecordStore {
  private readonly model: Model<PendingAuditDocument>;

  constructor(connection: Connection) {
    const name = 'AuditPendingIngest';
    this.model =
      (connection.models[name] as Model<PendingAuditDocument> | undefined) ??
      connection.model<PendingAuditDocument>(name, pendingSchema, AuditCollections.pending);
  }

  /**
   * One unordered insert of the whole batch. Idempotent: an event id already pending (or twice in
   * the batch) is a duplicate key and adds nothing, while every other record is still inserted.
   * Anything else rejects (the caller retries the whole batch, whose records inserted meanwhile
   * then count as duplicates).
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
      const outcome = duplicatesOnly(error, records.length);
      if (outcome === undefined) throw error;
      return outcome;
    }
  }
}

/**
 * The outcome of a bulk insert that failed only on duplicate keys, every other document inserted;
 * else undefined. Read by shape: a driver error is not always an instance of the class mongoose
 * exports. MongoDB and FerretDB 1.24 both answer a MongoBulkWriteError with one write error per
 * refused document (code 11000; FerretDB names neither index nor key) and the inserted count.
 */
export function duplicatesOnly(error: unknown, attempted: number): StoreOutcome | undefined {
  const bulk = error as { writeErrors?: unknown; result?: { insertedCount?: unknown } } | null;
  const writeErrors = bulk?.writeErrors;
  const inserted = bulk?.result?.insertedCount;
  if (!Array.isArray(writeErrors) || writeErrors.length === 0) return undefined;
  if (!writeErrors.every((e: { code?: unknown }) => e.code === DUPLICATE_KEY)) return undefined;
  // A document neither inserted nor refused as a duplicate (a lost write) must be retried.
  if (typeof inserted !== 'number' || inserted + writeErrors.length !== attempted) return undefined;
  return { stored: inserted, duplicates: writeErrors.length };
}
