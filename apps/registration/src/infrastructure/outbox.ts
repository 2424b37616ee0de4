import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import {
  Clock,
  EventEnvelope,
  EventRegistry,
  registrationEvents,
  Topics,
} from '@extapps/contracts';
import { EventSink, EventStore, MongoLease, OutboxRelay } from '@extapps/event-store';
import { EventPublisher, MESSAGE_BUS, MessageBus } from '@extapps/messaging';
import { Logger, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { RegistrationConfig } from '../config';
import { OutboxWaker } from './ports';
import { CLOCK, EVENT_STORE } from './tokens';

/** The event store's work queue the relay publishes from. */
export const KAFKA_QUEUE = 'kafka';
/** Only used when the relay creates the topic: more partitions spread apps over more consumers. */
export const REGISTRATION_EVENTS_PARTITIONS = 3;
export const OUTBOX_LEASE = 'registration-outbox';
/** Longer than the slowest pass (a publish retried while Kafka is down); also the failover delay. */
const LEASE_TTL_MS = 30_000;

/** Creates the topic once (before the first publish), so its partition count is ours. */
class TopicEnsuringSink implements EventSink {
  private ensured = false;

  constructor(
    private readonly bus: MessageBus,
    private readonly publisher: EventPublisher,
  ) {}

  async publish(topic: string, envelopes: readonly EventEnvelope[]): Promise<void> {
    if (!this.ensured) {
      await this.bus.ensureTopics([{ topic, partitions: REGISTRATION_EVENTS_PARTITIONS }]);
      this.ensured = true;
    }
    await this.publisher.publish(topic, envelopes);
  }
}

/**
 * Runs the outbox relay (queue `kafka` → extapps.registration.events.v1) for the service's
 * lifetime. Starting only launches the loop, so Kafka or MongoDB being down never blocks start-up;
 * the relay retries with backoff and publishes everything, in order, once both answer.
 */
@Injectable()
export class OutboxRelayService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OutboxWaker
{
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(MESSAGE_BUS) bus: MessageBus,
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_CONFIG) config: RegistrationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    const publisher = new EventPublisher(bus.producer, new EventRegistry([...registrationEvents]));
    this.relay = new OutboxRelay({
      topic: Topics.registrationEvents,
      publisher: new TopicEnsuringSink(bus, publisher),
      queue: store.queue(KAFKA_QUEUE),
      lease: new MongoLease(connection, {
        name: OUTBOX_LEASE,
        owner: `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
        ttlMs: LEASE_TTL_MS,
        clock,
      }),
      pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      logger: logger.child({ component: 'outbox-relay' }),
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Runs before the bus and the MongoDB connection close (onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  kick(): void {
    this.relay.kick();
  }
}
