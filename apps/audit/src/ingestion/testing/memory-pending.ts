import { AuditRecord } from '../../records/audit-record';
import { PendingRecords } from '../ingestion-pipeline';
import { StoreOutcome } from '../pending-record.store';

/** `audit_pending` as a map by event id, with the same idempotence; can be made to fail. */
export class MemoryPendingRecords implements PendingRecords {
  readonly records = new Map<string, AuditRecord>();
  /** The next this many calls reject, as an unreachable MongoDB would. */
  failNext = 0;
  calls = 0;
  /** How many records each call was given, failed calls included. */
  readonly batchSizes: number[] = [];

  async add(records: readonly AuditRecord[]): Promise<StoreOutcome> {
    this.calls += 1;
    this.batchSizes.push(records.length);
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('MongoDB unreachable');
    }
    let stored = 0;
    for (const record of records) {
      if (this.records.has(record.eventId)) continue;
      this.records.set(record.eventId, record);
      stored += 1;
    }
    return { stored, duplicates: records.length - stored };
  }
}
