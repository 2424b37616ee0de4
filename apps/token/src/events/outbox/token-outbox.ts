import { TokenEvent } from '@extapps/contracts';
import { StoredEvent, WorkQueue } from '@extapps/event-store';

/**
 * Where recorded token events wait until the relay has published them: durable, and small,
 * because the relay deletes what Kafka acknowledged. Events are stored in batches, one per `add`
 * (a group commit): all of a batch or nothing, and the relay takes and deletes whole batches.
 * As a `WorkQueue` it plugs into the event store's `OutboxRelay`, which acknowledges exactly what
 * `pending` returned.
 */
export interface TokenOutbox extends WorkQueue {
  /** Stores the events as one batch; resolves once it is stored, rejects when it may not be. */
  add(events: readonly TokenEvent[]): Promise<void>;
  /**
   * The oldest batches (by their first event id: UUID v7 ids sort by creation time), whole and in
   * recorded order, as many as fit in `limit` events, but always at least one.
   */
  pending(limit: number): Promise<StoredEvent[]>;
  /**
   * Deletes each batch `pending` returned whose events are all acknowledged; a batch only partly
   * acknowledged stays whole, and other ids are ignored.
   */
  acknowledge(eventIds: readonly string[]): Promise<void>;
}

/**
 * A `StoredEvent` needs a position, which an outbox of independent records has none of: the
 * millisecond timestamp of the UUID v7 id stands in. Nothing downstream reads it; the relay only
 * needs the order of `pending`.
 */
export function asStored(event: TokenEvent): StoredEvent {
  const hex = event.eventId.replace(/-/g, '').slice(0, 12);
  return { position: Number.parseInt(hex, 16), event };
}

/** The batches a pending read returned, by batch id, to know what an acknowledgement completes. */
export class ReturnedBatches {
  private batches = new Map<string, readonly string[]>();

  /** Replaces what the previous read returned: only the latest read is ever acknowledged. */
  remember(batches: ReadonlyMap<string, readonly string[]>): void {
    this.batches = new Map(batches);
  }

  /** The batches whose events are all in `eventIds`, forgotten from now on. */
  completedBy(eventIds: readonly string[]): string[] {
    const acknowledged = new Set(eventIds);
    const done = [...this.batches]
      .filter(([, ids]) => ids.every((id) => acknowledged.has(id)))
      .map(([batchId]) => batchId);
    done.forEach((batchId) => this.batches.delete(batchId));
    return done;
  }
}
