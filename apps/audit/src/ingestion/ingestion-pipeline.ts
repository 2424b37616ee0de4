import { Clock } from '@extapps/contracts';
import { IncomingMessage, PoisonMessageError } from '@extapps/messaging';
import { AuditRecord } from '../records/audit-record';
import { AuditedSource } from './audited-sources';
import { decodeRecord, sourcesByTopic } from './decode-record';
import { IngestionStats } from './ingestion-stats';
import { StoreOutcome } from './pending-record.store';

export interface PendingRecords {
  add(records: readonly AuditRecord[]): Promise<StoreOutcome>;
}

export interface Refusal {
  readonly message: IncomingMessage;
  readonly error: PoisonMessageError;
}

export interface IngestOutcome extends StoreOutcome {
  /** Messages that are no event of their topic: to park, never to retry. */
  readonly refused: readonly Refusal[];
}

/**
 * From Kafka messages to pending audit records, a batch at a time: every valid event is stored
 * (idempotently) before this resolves, so the caller commits offsets only of stored messages.
 * A storage failure rejects the whole batch, to be retried as a whole.
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

  async ingest(messages: readonly IncomingMessage[]): Promise<IngestOutcome> {
    const recordedAt = this.clock.now();
    const records: AuditRecord[] = [];
    const refused: Refusal[] = [];
    for (const message of messages) {
      try {
        records.push(decodeRecord(message, this.sources, recordedAt));
      } catch (error) {
        if (!(error instanceof PoisonMessageError)) throw error;
        refused.push({ message, error });
      }
    }
    const outcome = await this.pending.add(records);
    this.stats.recordStored(outcome.stored, outcome.duplicates);
    if (outcome.stored > 0) this.onStored();
    for (const { message, error } of refused) {
      const { topic, partition, offset } = message;
      this.stats.recordRefused({
        topic,
        partition,
        offset,
        reason: error.message,
        at: recordedAt.toISOString(),
      });
    }
    return { ...outcome, refused };
  }
}
