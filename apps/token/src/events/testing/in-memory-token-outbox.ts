import { TokenEvent } from '@extapps/contracts';
import { StoredEvent } from '@extapps/event-store';
import { asStored, ReturnedBatches, TokenOutbox } from '../outbox/token-outbox';

/** The outbox in memory, for unit tests; copies on the way in and out, like a database would. */
export class InMemoryTokenOutbox implements TokenOutbox {
  private readonly batches = new Map<string, TokenEvent[]>();
  private readonly returned = new ReturnedBatches();

  async add(events: readonly TokenEvent[]): Promise<void> {
    const [first] = events;
    if (!first) return;
    if (this.batches.has(first.eventId))
      throw new Error(`batch ${first.eventId} is in the outbox already`);
    this.batches.set(first.eventId, structuredClone([...events]));
  }

  async pending(limit: number): Promise<StoredEvent[]> {
    const taken = new Map<string, readonly string[]>();
    const events: TokenEvent[] = [];
    for (const batchId of [...this.batches.keys()].sort()) {
      const batch = this.batches.get(batchId) ?? [];
      if (events.length > 0 && events.length + batch.length > limit) break;
      taken.set(
        batchId,
        batch.map((e) => e.eventId),
      );
      events.push(...structuredClone(batch));
    }
    this.returned.remember(taken);
    return events.map(asStored);
  }

  async acknowledge(eventIds: readonly string[]): Promise<void> {
    this.returned.completedBy(eventIds).forEach((batchId) => this.batches.delete(batchId));
  }

  /** Events stored, whether returned by `pending` or not. */
  get size(): number {
    return [...this.batches.values()].reduce((sum, batch) => sum + batch.length, 0);
  }
}
