import { Connection, Model, Schema } from 'mongoose';
import { ChainCollections, EventMark } from '../chain/chain-documents';
import { markId } from '../chain/chain-store';
import { AuditCollections } from '../records/audit-record';
import { encodeCursor } from './cursor';
import { ListRecordsQuery, RecordFilters, RecordOrder } from './query-schemas';
import { recordFilter, recordSort } from './record-filter';
import { RecordPage, StoredAuditRecord, toRecordView } from './record-view';

// Read-only view of the chainer's collection; strict off so nothing is dropped on the way out.
const recordSchema = new Schema({ _id: Number }, { strict: false, versionKey: false, id: false });

/** Reads `audit_records`, which only the chainer writes. */
export class AuditRecordsReader {
  readonly model: Model<StoredAuditRecord>;

  constructor(connection: Connection) {
    const name = 'AuditRecordQuery';
    this.model =
      (connection.models[name] as Model<StoredAuditRecord> | undefined) ??
      connection.model<StoredAuditRecord>(name, recordSchema, AuditCollections.records);
  }

  async page(query: ListRecordsQuery): Promise<RecordPage> {
    const { order, limit, cursor } = query;
    const documents = await this.model
      .find(recordFilter(query, cursor))
      .sort(recordSort(order))
      .limit(limit + 1)
      .lean<StoredAuditRecord[]>();
    const items = documents.slice(0, limit).map(toRecordView);
    const last = items[items.length - 1];
    const nextCursor =
      documents.length > limit && last ? encodeCursor({ seq: last.seq, order }) : null;
    return { items, nextCursor };
  }

  /**
   * By the chainer's first mark of the event (a lookup by `_id`, the only fast one on FerretDB),
   * else by scanning for the event id (a re-marked event, or none at all).
   */
  async byEventId(eventId: string): Promise<StoredAuditRecord | null> {
    const marks = this.model.db.collection<EventMark>(ChainCollections.eventIds);
    const mark = await marks.findOne({ _id: markId(eventId, 1) });
    if (mark) {
      const marked = await this.model.findById(mark.seq).lean<StoredAuditRecord>();
      if (marked?.eventId === eventId) return marked;
    }
    return this.model.findOne({ eventId }).lean<StoredAuditRecord>();
  }

  /**
   * Every matching record in chain order, fetched `batchSize` at a time as the consumer asks for
   * them: memory holds one batch, however many records match.
   */
  async *stream(
    filters: RecordFilters,
    order: RecordOrder,
    batchSize = 500,
  ): AsyncGenerator<StoredAuditRecord> {
    const cursor = this.model
      .find(recordFilter(filters))
      .sort(recordSort(order))
      .lean<StoredAuditRecord[]>()
      .cursor({ batchSize });
    try {
      for await (const document of cursor) yield document as StoredAuditRecord;
    } finally {
      await cursor.close();
    }
  }
}
