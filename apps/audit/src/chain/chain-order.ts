import { AuditRecord } from '../records/audit-record';

/** Oldest recorded first; the eventId breaks ties, so the order never depends on the driver. */
export function inChainOrder(records: readonly AuditRecord[]): AuditRecord[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...records].sort(
    (a, b) => compare(a.recordedAt, b.recordedAt) || compare(a.eventId, b.eventId),
  );
}
