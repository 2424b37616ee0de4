import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { EventStore, MongoLease, QueueWorker, StoredEvent } from '@extapps/event-store';
import { Logger, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { PermissionsConfig } from '../../config';
import { AggregateRepository } from '../../infrastructure/aggregate-repository';
import { TENANT_VIEWS_QUEUE } from '../../infrastructure/queues';
import { CLOCK, EVENT_STORE } from '../../infrastructure/tokens';
import { AppendWakers } from '../../infrastructure/wakers';
import { TenantState } from '../tenant.state';
import { TENANT_REPOSITORY } from '../tenants.tokens';
import { TenantViewStore } from './tenant-view.store';

const TENANT_EVENT = /^(Tenant|Folder)[A-Z]/;
const LEASE_TTL_MS = 30_000;

/** The tenant streams a batch touches, each once. */
export const tenantStreamsOf = (events: readonly StoredEvent[]): string[] => [
  ...new Set(events.filter((s) => TENANT_EVENT.test(s.event.type)).map((s) => s.event.streamId)),
];

/**
 * Keeps the tenant list in step with the store (queue `tenant-views`): for each tenant a batch
 * touches, the view is rewritten from the aggregate as loaded now, so repeating a batch (at least
 * once) or skipping intermediate versions changes nothing. One lease, one writer: replacing a
 * document is not conditional on FerretDB, so two writers could leave an older version behind.
 */
@Injectable()
export class TenantViewWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker: QueueWorker;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(TENANT_REPOSITORY) repository: AggregateRepository<TenantState>,
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_CONFIG) config: PermissionsConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    views: TenantViewStore,
    wakers: AppendWakers,
  ) {
    this.worker = new QueueWorker({
      name: 'tenant-views',
      queue: store.queue(TENANT_VIEWS_QUEUE),
      lease: new MongoLease(connection, {
        name: 'permissions-tenant-views',
        owner: `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
        ttlMs: LEASE_TTL_MS,
        clock,
      }),
      handle: async (events) => {
        for (const tenantId of tenantStreamsOf(events)) {
          const { state, version } = await repository.load(tenantId);
          await views.put(tenantId, state, version);
        }
      },
      pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      logger: logger.child({ component: 'tenant-views' }),
    });
    wakers.add(this.worker);
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}
