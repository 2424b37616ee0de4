import { Connection, mongo } from 'mongoose';
import { AuditCollections, AuditRecord, ChainedAuditRecord } from '../records/audit-record';
import {
  fromPendingDocument,
  LegacyPendingAuditDocument,
  PendingAuditDocument,
} from '../records/pending-record';
import {
  ChainCollections,
  ChainStateDocument,
  ChainTip,
  databaseOf,
  EventMark,
  insertPrefix,
  StoredRecord,
} from './chain-documents';

/** Either shape: a backlog stored before records were JSON text is still chained. */
type PendingDocument = PendingAuditDocument | LegacyPendingAuditDocument;

/** How many re-marks one event may need before the chainer gives up on the pass. */
const MAX_ATTEMPTS = 20;

/**
 * The chainer's reads and writes. Every lookup is by `_id` and every write that decides something
 * is an insert under a unique `_id`: only inserts are atomic on FerretDB 1.x, and `_id` lookups
 * are index lookups on MongoDB. Caveat, measured on FerretDB 1.24 (SQLite): even an `_id` lookup
 * scans (about 0.4 s for a string, 5 s for a number in 100,000 documents on a busy 2-vCPU host),
 * so the chainer looks records up only to recover and to settle a duplicate.
 */
export class ChainStore {
  constructor(
    private readonly connection: Connection,
    private readonly now: () => Date,
  ) {}

  /**
   * Up to `limit` pending records in the collection's natural (insertion) order, which needs no
   * sort: sorting scans the whole collection on FerretDB. The chainer orders each batch itself.
   * A malformed document rejects the pass (MalformedPendingDocument): it is never skipped.
   */
  async pendingBatch(limit: number): Promise<AuditRecord[]> {
    const documents = await this.pending().find({}).limit(limit).toArray();
    return documents.map(fromPendingDocument);
  }

  /**
   * One `_id: {$in}` delete. FerretDB 1.24 scans the pending collection for it (records stored as
   * JSON text keep that scan cheap); a delete per id was measured slower, each one scanning too.
   */
  async deletePending(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length > 0) await this.pending().deleteMany({ _id: { $in: [...eventIds] } });
  }

  /** First attempts (`_id` = eventId), in order; returns how many were new before a duplicate. */
  insertFirstMarks(entries: readonly { eventId: string; seq: number }[]): Promise<number> {
    const marks = entries.map(({ eventId, seq }) => ({ _id: eventId, eventId, seq, attempt: 1 }));
    return insertPrefix(this.marks(), marks);
  }

  /** False when that attempt exists already (another chainer re-marked first). */
  async insertMark(mark: EventMark): Promise<boolean> {
    return (await insertPrefix(this.marks(), [mark])) === 1;
  }

  /** Every mark of the event, oldest attempt first. */
  async marksOf(eventId: string): Promise<EventMark[]> {
    const marks: EventMark[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const mark = await this.marks().findOne({ _id: markId(eventId, attempt) });
      if (!mark) return marks;
      marks.push(mark);
    }
    throw new Error(`event ${eventId} has ${MAX_ATTEMPTS} marks; refusing to re-mark it again`);
  }

  /** Inserts records at their seqs, in order; returns how many went in before a seq was taken. */
  insertRecords(records: readonly ChainedAuditRecord[]): Promise<number> {
    return insertPrefix(
      this.records(),
      records.map((record) => ({ ...record, _id: record.seq })),
    );
  }

  recordAt(seq: number): Promise<StoredRecord | null> {
    return this.records().findOne({ _id: seq });
  }

  /** Records with a seq above `seq`, in seq order, streamed (never all in memory). */
  recordsAfter(seq: number): AsyncIterable<StoredRecord> {
    return this.records()
      .find({ _id: { $gt: seq } })
      .sort({ _id: 1 })
      .batchSize(1_000);
  }

  readState(id: ChainStateDocument['_id']): Promise<ChainStateDocument | null> {
    return this.state().findOne({ _id: id });
  }

  /**
   * Moves the `head` hint or the `retention` horizon forward, never back (as far as FerretDB's
   * non-atomic conditional update allows: the head hint is a lower bound either way, and only
   * the leased retention job moves the horizon).
   */
  async advanceState(id: ChainStateDocument['_id'], to: ChainTip): Promise<void> {
    const { seq, hash, recordedAt } = to;
    const state = {
      seq,
      hash,
      ...(recordedAt && { recordedAt }),
      updatedAt: this.now().toISOString(),
    };
    const moved = await this.state().updateOne({ _id: id, seq: { $lt: seq } }, { $set: state });
    if (moved.matchedCount === 0) await insertPrefix(this.state(), [{ _id: id, ...state }]);
  }

  /** Retention: every record up to `seq`. Returns how many there were. */
  async deleteRecordsThrough(seq: number): Promise<number> {
    return (await this.records().deleteMany({ _id: { $lte: seq } })).deletedCount;
  }

  private pending(): mongo.Collection<PendingDocument> {
    return databaseOf(this.connection).collection<PendingDocument>(AuditCollections.pending);
  }

  private marks(): mongo.Collection<EventMark> {
    return databaseOf(this.connection).collection<EventMark>(ChainCollections.eventIds);
  }

  private records(): mongo.Collection<StoredRecord> {
    return databaseOf(this.connection).collection<StoredRecord>(AuditCollections.records);
  }

  private state(): mongo.Collection<ChainStateDocument> {
    return databaseOf(this.connection).collection<ChainStateDocument>(ChainCollections.state);
  }
}

export function markId(eventId: string, attempt: number): string {
  return attempt === 1 ? eventId : `${eventId}#${attempt}`;
}
