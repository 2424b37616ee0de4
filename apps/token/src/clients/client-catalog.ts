import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { registrationEvents, RegistrationEvent, Topics } from '@extapps/contracts';
import {
  backoffDelay,
  createEventConsumer,
  DEFAULT_RETRY_POLICY,
  EventContext,
  MESSAGE_BUS,
  MessageBus,
  MessageConsumer,
} from '@extapps/messaging';
import { ROOT_LOGGER } from '@extapps/platform';
import { Logger } from 'pino';
import { CatchUp } from './catch-up';
import { Client } from './client';
import { ClientTable } from './client-table';

const TOPIC = Topics.registrationEvents;
/**
 * Used only if this service starts before the registration service created its topic. It must
 * match the registration service's count (an existing topic is never repartitioned).
 */
export const REGISTRATION_TOPIC_PARTITIONS = 3;

/** What the token path asks of the client table. */
export interface ClientLookup {
  /** False until the table holds everything published before this instance started. */
  readonly ready: boolean;
  find(clientId: string): Client | undefined;
}

/**
 * The client table, kept current from `extapps.registration.events.v1`. Every instance reads the
 * whole topic from the beginning under a consumer group of its own (a shared group would split
 * the partitions, and each instance needs every app), and is ready once it has reached the
 * topic's end offsets as of its start. Caveat: each start leaves an empty group behind (Kafka
 * drops its offsets after `offsets.retention.minutes`) and a dead-letter topic, kept until deleted.
 */
@Injectable()
export class ClientCatalog implements ClientLookup, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly table = new ClientTable();
  private readonly groupId = `token.clients.${randomUUID()}`;
  private readonly stopping = new AbortController();
  private catchUp: CatchUp | undefined;
  private consumer: MessageConsumer | undefined;
  private startedAt = 0;
  private announced = false;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  get ready(): boolean {
    return this.catchUp?.caughtUp ?? false;
  }

  find(clientId: string): Client | undefined {
    return this.table.get(clientId);
  }

  /** The `clients` readiness check: rejects until caught up. */
  async check(): Promise<void> {
    const catchUp = this.catchUp;
    if (!catchUp) throw new Error(`not reading ${TOPIC} yet`);
    if (catchUp.caughtUp) return;
    catchUp.committed(await this.bus.committedOffsets(this.groupId, TOPIC));
    if (!catchUp.caughtUp) throw new Error(`catching up with ${TOPIC}`);
    this.announceCaughtUp();
  }

  /** Not awaited: HTTP comes up at once and readiness says when tokens can be served. */
  onApplicationBootstrap(): void {
    this.startedAt = Date.now();
    void this.startWithRetries();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.stop();
  }

  private async startWithRetries(): Promise<void> {
    for (let attempt = 1; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.start();
        return;
      } catch (err) {
        if (this.stopping.signal.aborted) return;
        this.logger.warn({ err, attempt, topic: TOPIC }, 'cannot read the client events yet');
        await delay(backoffDelay(attempt, DEFAULT_RETRY_POLICY), undefined, {
          signal: this.stopping.signal,
        }).catch(() => undefined);
      }
    }
  }

  private async start(): Promise<void> {
    await this.bus.ensureTopics([{ topic: TOPIC, partitions: REGISTRATION_TOPIC_PARTITIONS }]);
    const catchUp = new CatchUp(await this.bus.endOffsets(TOPIC));
    const consumer = createEventConsumer(
      this.bus,
      {
        groupId: this.groupId,
        topics: [TOPIC],
        fromBeginning: true,
        definitions: registrationEvents,
      },
      async (event, context) => this.apply(event, context, catchUp),
    );
    this.catchUp = catchUp;
    this.consumer = consumer;
    try {
      await consumer.start();
    } catch (err) {
      await consumer.stop({ graceMs: 0 }).catch(() => undefined);
      throw err;
    }
    this.announceCaughtUp();
  }

  private apply(event: RegistrationEvent, context: EventContext, catchUp: CatchUp): void {
    const outcome = this.table.apply(event);
    if (outcome.kind === 'skipped' && outcome.reason !== 'duplicate') {
      const { eventId, type, streamId, streamVersion } = event;
      this.logger.warn(
        { eventId, type, streamId, streamVersion, reason: outcome.reason },
        'registration event skipped',
      );
    }
    catchUp.handled(context.partition, context.offset);
    this.announceCaughtUp();
  }

  private announceCaughtUp(): void {
    if (this.announced || !this.ready) return;
    this.announced = true;
    this.logger.info(
      { clients: this.table.size, durationMs: Date.now() - this.startedAt, groupId: this.groupId },
      'client table caught up',
    );
  }
}
