import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { ROOT_LOGGER } from '@extapps/platform';
import { Logger } from 'pino';
import { CLOCK } from '../tokens';
import { REVOKED_ACCESS_TOKENS, RevokedAccessTokens } from './revoked-access-tokens';

export const PURGE_INTERVAL_MS = 3_600_000;

/**
 * How long an entry outlives its token. Instances judge expiry by their own clocks: one running
 * ahead must not purge a jti that another, behind, still sees as an unexpired token.
 */
export const PURGE_GRACE_MS = 300_000;

/**
 * Drops revoked-jti entries of expired tokens every hour (FerretDB has no TTL index). Every
 * instance does; deleting is idempotent, so they need no coordination.
 */
@Injectable()
export class RevokedTokenPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(REVOKED_ACCESS_TOKENS) private readonly revoked: RevokedAccessTokens,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Never rejects: a failed purge is retried at the next interval. */
  async purge(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - PURGE_GRACE_MS);
    try {
      const purged = await this.revoked.purgeExpired(before);
      if (purged > 0) this.logger.info({ purged }, 'revoked access tokens purged');
      return purged;
    } catch (err) {
      this.logger.warn({ err }, 'purging revoked access tokens failed');
      return 0;
    }
  }
}
