import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Topics } from '@extapps/contracts';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  IncomingMessage,
  MESSAGE_BUS,
  MessageBus,
  MessageConsumer,
} from '@extapps/messaging';
import { ROOT_LOGGER } from '@extapps/platform';
import { Logger } from 'pino';
import { PERMISSIONS_EVENTS_PARTITIONS } from '../infrastructure/outbox';
import { AccessIndex } from './access-index';
import { decodeAccessMessage } from './access-messages';
import { CatchUp } from './catch-up';

/**
 * The topics the index follows, with the partition count used only if this service creates one
 * before its owner does (it must match the owner's: an existing topic is never repartitioned).
 */
export const ACCESS_TOPICS = [
  { topic: Topics.permissionsEvents, partitions: PERMISSIONS_EVENTS_PARTITIONS },
  { topic: Topics.registrationEvents, partitions: 3 },
  { topic: Topics.tokenEvents, partitions: 3 },
] as const;

/**
 * Keeps the AccessIndex in step with Kafka. Every instance reads the three topics from the
 * beginning under a consumer group of its own (a shared group would split the partitions, and
 * every instance needs every event), and is ready once it reached the end offsets the topics had
 * at its start. Caveats: each start leaves an empty group behind (Kafka drops its offsets after
 * `offsets.retention.minutes`) and dead-letter topics; start-up reads the whole token topic,
 * whose token records it skips by their type header, so it grows with the tokens ever issued.
 */
@Injectable()
export class AccessFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly groupId = `permissions.access.${randomUUID()}`;
  private readonly stopping = new AbortController();
  private catchUp: CatchUp | undefined;
  private consumer: MessageConsumer | undefined;
  private startedAt = 0;
  private announced = false;

  constructor(
    private readonly index: AccessIndex,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  get ready(): boolean {
    return this.catchUp?.caughtUp ?? false;
  }

  /** The readiness check: rejects until the index holds everything published before the start. */
  async check(): Promise<void> {
    const catchUp = this.catchUp;
    if (!catchUp) throw new Error('not reading the permissions, registration and token topics yet');
    if (catchUp.caughtUp) return;
    for (const { topic } of ACCESS_TOPICS) {
      catchUp.committed(topic, await this.bus.committedOffsets(this.groupId, topic));
    }
    if (!catchUp.caughtUp) throw new Error(`catching up with ${catchUp.lagging.join(', ')}`);
    this.announceCaughtUp();
  }

  /** Not awaited: HTTP comes up at once and readiness says when checks can be answered. */
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
        this.logger.warn({ err, attempt }, 'cannot read the access index topics yet');
        await delay(backoffDelay(attempt, DEFAULT_RETRY_POLICY), undefined, {
          signal: this.stopping.signal,
        }).catch(() => undefined);
      }
    }
  }

  private async start(): Promise<void> {
    await this.bus.ensureTopics(ACCESS_TOPICS);
    const ends = await Promise.all(
      ACCESS_TOPICS.map(async ({ topic }) => [topic, await this.bus.endOffsets(topic)] as const),
    );
    const catchUp = new CatchUp(new Map(ends));
    const consumer = this.bus.createConsumer(
      { groupId: this.groupId, topics: ACCESS_TOPICS.map((t) => t.topic), fromBeginning: true },
      async (message) => this.handle(message, catchUp),
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

  private async handle(message: IncomingMessage, catchUp: CatchUp): Promise<void> {
    const event = decodeAccessMessage(message);
    if (event) this.index.apply(event);
    catchUp.handled(message.topic, message.partition, message.offset);
    this.announceCaughtUp();
  }

  private announceCaughtUp(): void {
    if (this.announced || !this.ready) return;
    this.announced = true;
    this.logger.info(
      { ...this.index.stats(), durationMs: Date.now() - this.startedAt, groupId: this.groupId },
      'access index caught up',
    );
  }
}
