import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock, EventEnvelope, EventRegistry, permissionsEvents, Topics } from '@extapps/contracts';
import { EventSink, EventStore, MongoLease, OutboxRelay } from '@extapps/event-store';
import { EventPublisher, MESSAGE_BUS, MessageBus } from '@extapps/messaging';
import { Logger, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { PermissionsConfig } from '../config';
import { KAFKA_QUEUE } from './queues';
import { CLOCK, EVENT_STORE } from './tokens';
import { AppendWakers } from './wakers';

/** Only used when the relay creates the topic: more partitions spread streams over consumers. */
export const PERMISSIONS_EVENTS_PARTITIONS = 3;
export const OUTBOX_LEASE = 'permissions-outbox';
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
      await this.bus.ensureTopics([{ topic, partitions: PERMISSIONS_EVENTS_PARTITIONS }]);
      this.ensured = true;
    }
    await this.publisher.publish(topic, envelopes);
  }
}

/**
 * Runs the outbox relay (queue `kafka` → extapps.permissions.events.v1) for the service's
 * lifetime. The event and its pending flag are one document, so a stored event is never lost:
 * while Kafka is down appends keep succeeding and the relay retries with backoff, then publishes
 * everything in order (at least once; consumers dedupe by eventId / streamVersion). One lease
 * lets one instance publish at a time. Starting only launches the loop: never blocks start-up.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(MESSAGE_BUS) bus: MessageBus,
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_CONFIG) config: PermissionsConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    wakers: AppendWakers,
  ) {
    const publisher = new EventPublisher(bus.producer, new EventRegistry([...permissionsEvents]));
    this.relay = new OutboxRelay({
      topic: Topics.permissionsEvents,
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
    wakers.add(this.relay);
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Runs before the bus and the MongoDB connection close (onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
