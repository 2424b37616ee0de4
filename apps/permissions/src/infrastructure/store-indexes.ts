import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { Logger, ROOT_LOGGER } from '@extapps/platform';
import { EVENT_STORE } from './tokens';

const MAX_BACKOFF_MS = 10_000;

/** Something whose indexes must exist before it is written to (autoIndex is off). */
export interface Indexed {
  init(): Promise<void>;
}

/**
 * The event store's indexes, above all the unique (streamId, streamVersion) that optimistic
 * concurrency rests on. Created in the background at start-up, retrying while MongoDB is down so
 * start-up never waits for it; appends call `ensure()` first, so none is ever made before the
 * unique index exists.
 */
@Injectable()
export class StoreIndexes implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly stopping = new AbortController();
  private created: Promise<void> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: Indexed,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Resolves once the indexes exist; a failed attempt is made again by the next caller. */
  ensure(): Promise<void> {
    this.created ??= this.store.init().then(
      () => this.logger.info({ component: 'event-store' }, 'event store indexes ready'),
      (error: unknown) => {
        this.created = undefined;
        throw error;
      },
    );
    return this.created;
  }

  onApplicationBootstrap(): void {
    void this.createWithRetry();
  }

  /** Stops retrying; an attempt in flight is not awaited (MongoDB may be the reason it hangs). */
  beforeApplicationShutdown(): void {
    this.stopping.abort();
  }

  private async createWithRetry(): Promise<void> {
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        return await this.ensure();
      } catch (error) {
        const backoffMs = Math.min(500 * 2 ** attempt, MAX_BACKOFF_MS);
        const reason = (error as Error).message;
        this.logger.warn({ attempt, backoffMs, reason }, 'event store indexes not created yet');
        await delay(backoffMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }
}
