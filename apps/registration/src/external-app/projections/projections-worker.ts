import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { RegistrationEvent } from '@extapps/contracts';
import { EventStore, PassOutcome, QueueWorker } from '@extapps/event-store';
import { Logger, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { RegistrationConfig } from '../../config';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { AppProjector } from './app-projector';
import { asEvents } from './catch-up';

/** The event store's work queue the app views are projected from. */
export const PROJECTIONS_QUEUE = 'projections';

/**
 * Catches the views up with whatever the inline projection missed (a crash between append and
 * projection, a failed view write): it projects the queue's pending events and acknowledges them.
 * Every instance may run one, without a lease: projection is idempotent and per-stream ordered by
 * version, whoever does it.
 */
@Injectable()
export class ProjectionsWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker: QueueWorker;

  constructor(
    projector: AppProjector,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SERVICE_CONFIG) config: RegistrationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.worker = new QueueWorker({
      name: 'app-projections',
      queue: store.queue(PROJECTIONS_QUEUE),
      handle: (events) => projector.project(asEvents<RegistrationEvent>(events)),
      pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      logger: logger.child({ component: 'app-projections' }),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /** Looks at the queue now rather than at the next poll. */
  kick(): void {
    this.worker.kick();
  }

  /** One pass, for tests and tools; never overlaps the loop's passes. */
  runOnce(): Promise<PassOutcome> {
    return this.worker.runOnce();
  }
}
