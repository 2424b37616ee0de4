import { EventEnvelope, EventRegistry, tokenEvents, Topics } from '@extapps/contracts';
import {
  BackoffPolicy,
  EventSink,
  Lease,
  OutboxRelay,
  WakeableSleep,
  WorkerLogger,
} from '@extapps/event-store';
import { EventPublisher, MessageBus } from '@extapps/messaging';
import { TokenOutbox } from './outbox/token-outbox';

/** Only used when the relay creates the topic; the registration service's consumer agrees. */
export const TOKEN_EVENTS_PARTITIONS = 3;
export const TOKEN_OUTBOX_LEASE = 'token-outbox';

/** Creates the topic before the first publish (once per process), so its partition count is ours. */
export class TopicEnsuringPublisher implements EventSink {
  private ensured = false;
  private readonly publisher: EventPublisher;

  constructor(private readonly bus: MessageBus) {
    this.publisher = new EventPublisher(bus.producer, new EventRegistry(tokenEvents));
  }

  async publish(topic: string, envelopes: readonly EventEnvelope[]): Promise<void> {
    if (!this.ensured) {
      await this.bus.ensureTopics([{ topic, partitions: TOKEN_EVENTS_PARTITIONS }]);
      this.ensured = true;
    }
    await this.publisher.publish(topic, envelopes);
  }
}

export interface TokenEventsRelayOptions {
  readonly outbox: TokenOutbox;
  readonly bus: MessageBus;
  /** Shared by the instances, so one publishes at a time; none: this one always publishes. */
  readonly lease?: Lease;
  readonly pollIntervalMs: number;
  readonly lingerMs?: number;
  readonly batchSize?: number;
  readonly logger?: WorkerLogger;
  readonly backoff?: Partial<BackoffPolicy>;
  readonly sleep?: WakeableSleep;
}

/**
 * Outbox → `extapps.token.events.v1`: the oldest pending events, one producer send per batch
 * (idempotent, keyed by streamId), deleted from the outbox only once Kafka acknowledged them.
 * While Kafka is down nothing is deleted; the relay backs off and retries from the oldest. A
 * crash (or a paused lease holder) between the send and the delete publishes a batch twice:
 * consumers dedupe by eventId.
 */
export function createTokenEventsRelay(options: TokenEventsRelayOptions): OutboxRelay {
  const { outbox, bus, ...worker } = options;
  return new OutboxRelay({
    ...worker,
    name: 'token-events-relay',
    topic: Topics.tokenEvents,
    publisher: new TopicEnsuringPublisher(bus),
    queue: outbox,
  });
}
