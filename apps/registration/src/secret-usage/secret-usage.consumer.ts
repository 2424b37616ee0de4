import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { tokenEvents, Topics } from '@extapps/contracts';
import { createEventConsumer, MESSAGE_BUS, MessageBus, MessageConsumer } from '@extapps/messaging';
import { Logger, ROOT_LOGGER } from '@extapps/platform';
import { setTimeout as delay } from 'node:timers/promises';
import { secretUseOf } from './secret-use';
import { SecretUsageStore } from './secret-usage.store';

export const SECRET_USAGE_GROUP = 'registration.secret-usage';

export interface SecretUsageOptions {
  /** SECRET_USAGE_GROUP when omitted; tests sharing one Kafka pass their own. */
  readonly groupId?: string;
}
export const SECRET_USAGE_OPTIONS = Symbol('SECRET_USAGE_OPTIONS');
/** Used only if this consumer starts before the token service ever created its topic. */
export const TOKEN_EVENTS_PARTITIONS = 3;
const RETRY_MAX_MS = 10_000;

/**
 * Records each secret's last use from the token service's events (TokenIssued, TokenRefreshed).
 * It reads every token event, so that the others pass by instead of being parked as poison. Starts
 * in the background and retries while Kafka is unreachable, so the registration API does not
 * depend on it.
 */
@Injectable()
export class SecretUsageConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: MessageConsumer | undefined;
  private started: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  private readonly logger: Logger;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly usage: SecretUsageStore,
    @Inject(ROOT_LOGGER) logger: Logger,
    @Optional() @Inject(SECRET_USAGE_OPTIONS) private readonly options: SecretUsageOptions = {},
  ) {
    this.logger = logger.child({ component: 'secret-usage' });
  }

  onApplicationBootstrap(): void {
    void this.start();
  }

  /** Resolves once the consumer has joined its group (or the service stops first). */
  start(): Promise<void> {
    this.started ??= this.startWithRetry();
    return this.started;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.stop();
  }

  private async startWithRetry(): Promise<void> {
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.bus.ensureTopics([
          { topic: Topics.tokenEvents, partitions: TOKEN_EVENTS_PARTITIONS },
        ]);
        this.consumer = this.createConsumer();
        await this.consumer.start();
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

  private createConsumer(): MessageConsumer {
    const options = {
      definitions: tokenEvents,
      groupId: this.options.groupId ?? SECRET_USAGE_GROUP,
      topics: [Topics.tokenEvents],
      fromBeginning: true,
    } as const;
    return createEventConsumer(this.bus, options, async (event) => {
      const use = secretUseOf(event);
      if (use) await this.usage.recordUse(use.appId, use.secretId, use.at);
    });
  }
}
