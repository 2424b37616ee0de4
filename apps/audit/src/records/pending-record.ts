import { AuditRecord } from './audit-record';

/**
 * A normalized record waiting for the chainer in `audit_pending`. Keyed by event id, so a second
 * insert of the same event (a redelivery, a replay) is refused by the `_id` index itself: no
 * secondary index, no read-then-write, which FerretDB does not make atomic.
 */
export interface PendingAuditDocument extends AuditRecord {
  readonly _id: string;
}

export function toPendingDocument(record: AuditRecord): PendingAuditDocument {
  return { _id: record.eventId, ...record };
}
