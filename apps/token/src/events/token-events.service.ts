import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Provider,
} from '@nestjs/common';
import { systemClock } from '@extapps/contracts';
import { MongoLease, OutboxRelay } from '@extapps/event-store';
import { MESSAGE_BUS, MessageBus } from '@extapps/messaging';
import { Logger, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { TokenConfig } from '../config';
import { MongoTokenOutbox } from './outbox/mongo-token-outbox';
import { OutboxTokenEventSink } from './outbox-token-event-sink';
import {
  TOKEN_EVENT_SINK,
  TokenEventMeta,
  TokenEventRecord,
  TokenEventSink,
} from './token-event-sink';
import { createTokenEventsRelay, TOKEN_OUTBOX_LEASE } from './token-events-relay';

/** Longer than the slowest relay pass (a send retried while Kafka is down); also the failover delay. */
const LEASE_TTL_MS = 30_000;

/**
 * The token service's events: recorded into the MongoDB outbox (the TokenEventSink every
 * endpoint uses) and relayed to Kafka by whichever instance holds the `token-outbox` lease.
 * Starting only launches the relay, so Kafka or MongoDB being down never blocks start-up; the
 * first pass publishes whatever a previous run left in the outbox.
 */
@Injectable()
export class TokenEvents
  implements TokenEventSink, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly sink: OutboxTokenEventSink;
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(MESSAGE_BUS) bus: MessageBus,
    @Inject(SERVICE_CONFIG) config: TokenConfig,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    const logger = rootLogger.child({ component: 'token-events' });
    const outbox = new MongoTokenOutbox(connection);
    this.relay = createTokenEventsRelay({
      outbox,
      bus,
      // Wall-clock time across instances, never a test's manual clock.
      lease: new MongoLease(connection, {
        name: TOKEN_OUTBOX_LEASE,
        owner: `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
        ttlMs: LEASE_TTL_MS,
        clock: systemClock,
      }),
      pollIntervalMs: config.EVENTS_RELAY_POLL_INTERVAL_MS,
      lingerMs: config.EVENTS_RELAY_LINGER_MS,
      logger,
    });
    this.sink = new OutboxTokenEventSink({
      outbox,
      maxBatch: config.EVENTS_OUTBOX_MAX_BATCH,
      maxWaiting: config.EVENTS_OUTBOX_MAX_WAITING,
      timeoutMs: config.EVENTS_OUTBOX_TIMEOUT_MS,
      maxInFlight: config.EVENTS_OUTBOX_MAX_IN_FLIGHT,
      onStored: () => this.relay.kick(),
      onWriteFailed: (error, count) =>
        logger.warn({ count, reason: (error as Error).message }, 'token events not stored'),
    });
  }

  record(records: readonly TokenEventRecord[], meta: TokenEventMeta): Promise<void> {
    return this.sink.record(records, meta);
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Before the bus and MongoDB close: stores what was accepted, then ends the relay's pass. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.sink.drain();
    await this.relay.stop();
  }
}

export const tokenEventProviders: Provider[] = [
  TokenEvents,
  { provide: TOKEN_EVENT_SINK, useExisting: TokenEvents },
];
