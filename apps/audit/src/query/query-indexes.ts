import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Logger, ROOT_LOGGER } from '@extapps/platform';
import { setTimeout as delay } from 'node:timers/promises';
import { AuditRecordsReader } from './audit-records.reader';

/**
 * Each filter with the chain order after it, so a MongoDB server answers a filtered page newest
 * first from the index. Caveat: FerretDB 1.x scans the collection for any query but by `_id`;
 * these indexes serve real MongoDB. Named, so they never clash with the chainer's own indexes.
 */
export const QUERY_INDEXES: readonly [Record<string, 1 | -1>, string][] = [
  [{ occurredAt: -1, _id: -1 }, 'query_occurred_at'],
  [{ 'actor.id': 1, _id: -1 }, 'query_actor'],
  [{ 'target.id': 1, 'target.type': 1, _id: -1 }, 'query_target'],
  [{ action: 1, _id: -1 }, 'query_action'],
  [{ category: 1, _id: -1 }, 'query_category'],
  [{ 'outcome.status': 1, _id: -1 }, 'query_outcome'],
  // GET /v1/audit/records/{eventId} when the chainer's event id mark does not lead to it.
  [{ eventId: 1 }, 'query_event_id'],
];

const MAX_BACKOFF_MS = 10_000;

/** Creates the query indexes in the background at start-up (autoIndex is off), retrying. */
@Injectable()
export class QueryIndexes implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly stopping = new AbortController();
  private readonly logger: Logger;

  constructor(
    private readonly reader: AuditRecordsReader,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'query-indexes' });
  }

  onApplicationBootstrap(): void {
    void this.createWithRetry();
  }

  beforeApplicationShutdown(): void {
    this.stopping.abort();
  }

  /** One index per call: FerretDB can drop the connection on several in one createIndexes. */
  async create(): Promise<void> {
    for (const [keys, name] of QUERY_INDEXES) {
      await this.reader.model.collection.createIndex(keys, { name });
    }
  }

  private async createWithRetry(): Promise<void> {
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.create();
        this.logger.info('query indexes ready');
        return;
      } catch (error) {
        const backoffMs = Math.min(500 * 2 ** attempt, MAX_BACKOFF_MS);
        const reason = (error as Error).message;
        this.logger.warn({ attempt, backoffMs, reason }, 'query indexes not created yet');
        await delay(backoffMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }
}
