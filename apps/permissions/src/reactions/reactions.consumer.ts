import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { permissionsEvents, registrationEvents, tokenEvents, Topics } from '@extapps/contracts';
import { createEventConsumer, MESSAGE_BUS, MessageBus, MessageConsumer } from '@extapps/messaging';
import { Logger, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { AccessFeed, ACCESS_TOPICS } from '../access/access-feed';
import { PermissionsConfig } from '../config';
import { ReactionEvent } from './reaction-plan';
import { Reactions } from './reactions';

const RETRY_MAX_MS = 10_000;
const READY_POLL_MS = 250;

/**
 * The reactions process: one consumer group per deployment over the registration, token and
 * permissions topics, committing each event after its reactions are stored (at least once; a
 * repeat finds the assignments ended and changes nothing). It starts once this instance's access
 * index has caught up, since the plan reads the index: a group resuming from its committed
 * offsets must not meet an index still empty. Starts in the background, retrying while Kafka is
 * unreachable, so the API does not depend on it.
 */
@Injectable()
export class ReactionsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: MessageConsumer | undefined;
  private started: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  private readonly logger: Logger;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(SERVICE_CONFIG) private readonly config: PermissionsConfig,
    private readonly feed: AccessFeed,
    private readonly reactions: Reactions,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'reactions' });
  }

  onApplicationBootstrap(): void {
    void this.start();
  }

  /** Resolves once the consumer has joined its group (or the service stops first). */
  start(): Promise<void> {
    this.started ??= this.startWhenIndexReady();
    return this.started;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.stop();
  }

  private async startWhenIndexReady(): Promise<void> {
    while (!this.stopping.signal.aborted && !(await this.indexReady())) {
      await delay(READY_POLL_MS, undefined, { signal: this.stopping.signal }).catch(
        () => undefined,
      );
    }
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.bus.ensureTopics(ACCESS_TOPICS);
        this.consumer = this.createConsumer();
        await this.consumer.start();
        this.logger.info({ groupId: this.config.REACTIONS_CONSUMER_GROUP }, 'reactions started');
        return;
      } catch (error) {
        await this.consumer?.stop().catch(() => undefined);
        this.consumer = undefined;
        const backoffMs = Math.min(500 * 2 ** attempt, RETRY_MAX_MS);
        this.logger.warn({ attempt, backoffMs, reason: (error as Error).message }, 'not started');
        await delay(backoffMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  private indexReady(): Promise<boolean> {
    return this.feed.check().then(
      () => true,
      () => false,
    );
  }

  private createConsumer(): MessageConsumer {
    const options = {
      definitions: [...registrationEvents, ...tokenEvents, ...permissionsEvents],
      groupId: this.config.REACTIONS_CONSUMER_GROUP,
      topics: [Topics.registrationEvents, Topics.tokenEvents, Topics.permissionsEvents],
      fromBeginning: true,
    } as const;
    return createEventConsumer(this.bus, options, (event) =>
      this.reactions.handle(event as ReactionEvent),
    );
  }
}
