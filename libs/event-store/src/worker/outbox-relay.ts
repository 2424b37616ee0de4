import { EventEnvelope } from '@extapps/contracts';
import { QueueWorker, QueueWorkerOptions } from './queue-worker';

/** Where the relay publishes; `EventPublisher` from `@extapps/messaging` fits as is. */
export interface EventSink {
  /** Publishes the envelopes in order, keyed by streamId; rejects when not all are acknowledged. */
  publish(topic: string, envelopes: readonly EventEnvelope[]): Promise<void>;
}

export interface OutboxRelayOptions extends Omit<QueueWorkerOptions, 'handle' | 'name'> {
  readonly topic: string;
  readonly publisher: EventSink;
  /** For logs; `outbox-relay:<topic>` when omitted. */
  readonly name?: string;
}

/**
 * The outbox relay: every appended event waits on the store's `kafka` queue (written in the same
 * single-document insert as the event, so no transaction is needed) until this worker has
 * published it. A whole batch goes out in one producer send; the idempotent producer keeps
 * per-partition order, and messages are keyed by streamId, so one stream's events reach the topic
 * in version order. While the broker is down appends keep succeeding; the relay acknowledges
 * nothing, backs off and retries from the oldest pending event, so nothing is lost (at least once).
 * Several instances share one lease so that only one publishes at a time (see `Lease` for the
 * duplicates a paused holder can cause).
 *
 * Caveat: an event the publisher refuses for good (an invalid envelope) blocks the relay; it
 * keeps retrying and logging the reason until the event is fixed.
 */
export class OutboxRelay extends QueueWorker {
  constructor(options: OutboxRelayOptions) {
    const { topic, publisher } = options;
    super({
      ...options,
      name: options.name ?? `outbox-relay:${topic}`,
      handle: (events) =>
        publisher.publish(
          topic,
          events.map(({ event }) => event),
        ),
    });
  }
}
