export type SequenceOutcome = 'applied' | 'duplicate' | 'held';

interface Versioned {
  readonly streamId: string;
  readonly streamVersion: number;
}

/**
 * Applies each stream's events once and in version order. Two sources feed the index: Kafka
 * (every event, in order per stream) and this instance's write side (its own events, right after
 * appending them). An own event can run ahead of Kafka, e.g. version 5 appended here while
 * version 4, written by another instance, is still on its way: it is held until 4 arrives, since
 * applying it first and then ignoring 4 as old would lose 4 for good. Versions at or below the
 * last applied are duplicates (Kafka redelivering what was applied already).
 * Caveat: a held event waits for Kafka; an instance that cannot read Kafka never applies it.
 */
export class StreamSequencer<E extends Versioned> {
  private readonly versions = new Map<string, number>();
  private readonly held = new Map<string, Map<number, E>>();
  private heldCount = 0;

  constructor(private readonly applyInOrder: (event: E) => void) {}

  /** Events waiting for an earlier version of their stream. */
  get waiting(): number {
    return this.heldCount;
  }

  version(streamId: string): number {
    return this.versions.get(streamId) ?? 0;
  }

  offer(event: E): SequenceOutcome {
    const { streamId, streamVersion } = event;
    const last = this.version(streamId);
    if (streamVersion <= last) return 'duplicate';
    if (streamVersion > last + 1) return this.hold(event);
    this.applyInOrder(event);
    this.versions.set(streamId, streamVersion);
    this.drain(streamId, streamVersion + 1);
    return 'applied';
  }

  private hold(event: E): SequenceOutcome {
    let waiting = this.held.get(event.streamId);
    if (!waiting) this.held.set(event.streamId, (waiting = new Map()));
    if (!waiting.has(event.streamVersion)) this.heldCount++;
    waiting.set(event.streamVersion, event);
    return 'held';
  }

  private drain(streamId: string, next: number): void {
    const waiting = this.held.get(streamId);
    if (!waiting) return;
    for (let event = waiting.get(next); event; event = waiting.get(next)) {
      waiting.delete(next);
      this.heldCount--;
      this.applyInOrder(event);
      this.versions.set(streamId, next++);
    }
    if (waiting.size === 0) this.held.delete(streamId);
  }
}
