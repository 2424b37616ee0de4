import { EventEnvelope } from '@extapps/contracts';
import { cloneData } from '../clone';
import { assertFollows, checkQueueNames, unknownQueue } from '../append-rules';
import {
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  WorkQueue,
  WrongExpectedVersion,
} from '../ports';

export interface InMemoryEventStoreOptions {
  readonly queues: readonly string[];
}

/**
 * The event store port without a database, for unit tests; the same contract suite runs against it
 * and the MongoDB adapter. Events are copied in and out, so callers cannot change what is stored.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly pendingByQueue = new Map<string, Set<string>>();
  private readonly queueNames: readonly string[];

  constructor(options: InMemoryEventStoreOptions) {
    this.queueNames = checkQueueNames(options.queues);
    this.queueNames.forEach((q) => this.pendingByQueue.set(q, new Set()));
  }

  async append(event: EventEnvelope, expectedVersion: number): Promise<StoredEvent> {
    assertFollows(event, expectedVersion);
    const stream = this.streams.get(event.streamId) ?? [];
    if (stream.length !== expectedVersion) {
      throw new WrongExpectedVersion(event.streamId, expectedVersion, stream.length);
    }
    if (this.log.some((stored) => stored.event.eventId === event.eventId)) {
      throw new Error(`event ${event.eventId} is stored already`);
    }
    const stored: StoredEvent = { position: this.log.length + 1, event: cloneData(event) };
    this.log.push(stored);
    this.streams.set(event.streamId, [...stream, stored]);
    this.pendingByQueue.forEach((pending) => pending.add(event.eventId));
    return cloneData(stored);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const from = options.fromVersion ?? 1;
    const to = options.toVersion ?? Number.POSITIVE_INFINITY;
    return (this.streams.get(streamId) ?? [])
      .filter(({ event }) => event.streamVersion >= from && event.streamVersion <= to)
      .map((stored) => cloneData(stored));
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.streams.get(streamId)?.length ?? 0;
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const after = options.afterPosition ?? 0;
    return this.log
      .filter((stored) => stored.position > after)
      .slice(0, options.limit)
      .map((stored) => cloneData(stored));
  }

  queue(name: string): WorkQueue {
    const pending = this.pendingByQueue.get(name);
    if (!pending) throw unknownQueue(name, this.queueNames);
    return {
      pending: async (limit) =>
        this.log
          .filter((stored) => pending.has(stored.event.eventId))
          .slice(0, limit)
          .map((stored) => cloneData(stored)),
      acknowledge: async (eventIds) => eventIds.forEach((id) => pending.delete(id)),
    };
  }
}
