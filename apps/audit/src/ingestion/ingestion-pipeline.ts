import { Clock } from '@extapps/contracts';
import {
  IncomingMessage,
  PoisonMessageError,
  ReceivedEvent,
  RefusedEvent,
} from '@extapps/messaging';
import { AuditRecord } from '../records/audit-record';
import { AuditedEvent, AuditedSource } from './audited-sources';
import { decodeRecord, sourcesByTopic } from './decode-record';
import { IngestionStats } from './ingestion-stats';
import { StoreOutcome } from './pending-record.store';

export interface PendingRecords {
  add(records: readonly AuditRecord[]): Promise<StoreOutcome>;
}

export interface IngestOutcome extends StoreOutcome {
  /** Events that can never be recorded: to park, never to retry. */
  readonly refused: readonly RefusedEvent<AuditedEvent>[];
}

/**
 * From a batch of events to pending audit records: every recordable event is stored
 * (idempotently, in one insert) before this resolves, so the caller commits offsets only of
 * stored events. A storage failure rejects the whole batch, to be retried as a whole.
 */
export class IngestionPipeline {
  private readonly sources: ReadonlyMap<string, AuditedSource>;

  constructor(
    sources: readonly AuditedSource[],
    private readonly pending: PendingRecords,
    private readonly clock: Clock,
    /** Told after new records were stored (the chainer's wake-up). */
    private readonly onStored: () => void = () => undefined,
    readonly stats: IngestionStats = new IngestionStats(),
  ) {
    this.sources = sourcesByTopic(sources);
  }

  async ingest(events: readonly ReceivedEvent<AuditedEvent>[]): Promise<IngestOutcome> {
    const recordedAt = this.clock.now();
    const records: AuditRecord[] = [];
    const refused: RefusedEvent<AuditedEvent>[] = [];
    for (const received of events) {
      try {
        records.push(decodeRecord(received, this.sources, recordedAt));
      } catch (error) {
        if (!(error instanceof PoisonMessageError)) throw error;
        refused.push({ received, reason: error.message });
      }
    }
    const outcome = await this.pending.add(records);
    this.stats.recordStored(outcome.stored, outcome.duplicates);
    if (outcome.stored > 0) this.onStored();
    for (const { received, reason } of refused) this.refuse(received.context, reason, recordedAt);
    return { ...outcome, refused };
  }

  /** Counts a message that is no valid event at all (the consumer parks it). */
  refuseInvalid(message: IncomingMessage, reason: string): void {
    this.refuse(message, reason, this.clock.now());
  }

  private refuse(
    where: { topic: string; partition: number; offset: string },
    reason: string,
    at: Date,
  ): void {
    const { topic, partition, offset } = where;
    this.stats.recordRefused({ topic, partition, offset, reason, at: at.toISOString() });
  }
}
