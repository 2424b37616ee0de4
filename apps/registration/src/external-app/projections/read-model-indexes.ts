import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Logger, ROOT_LOGGER } from '@extapps/platform';
import { setTimeout as delay } from 'node:timers/promises';
import { AppViewStore } from './app-view.store';
import { SecretUsageStore } from '../../secret-usage/secret-usage.store';

const RETRY_MAX_MS = 10_000;

/**
 * Creates the read side's indexes at start-up (autoIndex is off). In the background and retried,
 * because the service starts while MongoDB may still be unreachable; nothing depends on these
 * indexes for correctness (the views' `_id` is all the projector relies on), only for speed.
 */
@Injectable()
export class ReadModelIndexes implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private created: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  private readonly logger: Logger;

  constructor(
    private readonly views: AppViewStore,
    private readonly usage: SecretUsageStore,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'read-model-indexes' });
  }

  onApplicationBootstrap(): void {
    void this.ready();
  }

  /** Resolves once every index exists (or the service stops first). */
  ready(): Promise<void> {
    this.created ??= this.createWithRetry();
    return this.created;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.created;
  }

  private async createWithRetry(): Promise<void> {
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        await Promise.all([this.views.createIndexes(), this.usage.createIndexes()]);
        return;
      } catch (error) {
        const backoffMs = Math.min(500 * 2 ** attempt, RETRY_MAX_MS);
        const reason = (error as Error).message;
        this.logger.warn({ attempt, backoffMs, reason }, 'read model indexes not created');
        await delay(backoffMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }
}
