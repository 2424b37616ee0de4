import {
  BeforeApplicationShutdown,
  HttpStatus,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { setTimeout as delay } from 'node:timers/promises';
import { Clock, ResourceCatalog } from '@extapps/contracts';
import { Logger, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { RegistrationConfig } from '../config';
import { AppProblem } from '../external-app/commands/problems';
import { AppRepository } from '../infrastructure/app-repository';
import { CLOCK, RESOURCE_CATALOG } from '../infrastructure/tokens';
import { planBootstrap } from './bootstrap-admin';

const MAX_BACKOFF_MS = 10_000;

/**
 * Registers the bootstrap admin app (BOOTSTRAP_ADMIN_CLIENT_ID / _SECRET) through the normal
 * command path, in the background so start-up never waits for MongoDB; retried until it is done.
 * Several instances may race: the loser's 409 makes it look again and find the work done.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly stopping = new AbortController();
  private done: Promise<void> = Promise.resolve();
  private readonly logger: Logger;

  constructor(
    private readonly commands: CommandBus,
    private readonly repository: AppRepository,
    @Inject(RESOURCE_CATALOG) private readonly catalog: ResourceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: RegistrationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'bootstrap-admin' });
  }

  onApplicationBootstrap(): void {
    const secret = this.config.BOOTSTRAP_ADMIN_CLIENT_SECRET;
    if (secret === null) {
      this.logger.info('BOOTSTRAP_ADMIN_CLIENT_SECRET is not set: no bootstrap admin app');
      return;
    }
    this.done = this.runWithRetry(secret);
  }

  /**
   * Stops retrying. An attempt in flight is not awaited: MongoDB being down is the usual reason
   * it hangs, and its command is safe to cut off (at worst its append is refused or not made).
   */
  beforeApplicationShutdown(): void {
    this.stopping.abort();
  }

  /** Resolves once the bootstrap admin is in place, refused for good, or the service stops. */
  ready(): Promise<void> {
    return this.done;
  }

  private async runWithRetry(secret: string): Promise<void> {
    const clientId = this.config.BOOTSTRAP_ADMIN_CLIENT_ID;
    for (let failures = 0; !this.stopping.signal.aborted; ) {
      try {
        if (await this.ensure(clientId, secret)) return;
      } catch (error) {
        if (!retriable(error)) {
          const reason = (error as Error).message;
          this.logger.error({ clientId, reason }, 'bootstrap admin app refused; fix and restart');
          return;
        }
        failures += 1;
        const backoffMs = Math.min(500 * 2 ** failures, MAX_BACKOFF_MS);
        const reason = (error as Error).message;
        this.logger.warn({ clientId, backoffMs, reason }, 'bootstrap admin not done yet; retrying');
        await delay(backoffMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  /** True once nothing is left to do; false to look again at once (the state moved on). */
  private async ensure(clientId: string, secret: string): Promise<boolean> {
    const { state } = await this.repository.load(clientId);
    const plan = planBootstrap({
      clientId,
      secret,
      state,
      catalog: this.catalog,
      now: this.clock.now(),
    });
    if (plan.kind === 'up-to-date') return true;
    if (plan.kind === 'deleted') {
      this.logger.warn(
        { clientId },
        'the bootstrap admin app is deleted; not registering it again',
      );
      return true;
    }
    try {
      await this.commands.execute(plan.command);
    } catch (error) {
      if (error instanceof AppProblem && isLostRace(error)) return false;
      throw error;
    }
    const done = state.status === 'unregistered' ? 'registered' : 'secret added';
    this.logger.info({ clientId, secretId: plan.secretId }, `bootstrap admin app ${done}`);
    return true;
  }
}

/** Another instance (or command) changed the app first: reload and decide again. */
const isLostRace = (problem: AppProblem) =>
  problem.code === 'concurrent-modification' || problem.code === 'app-already-exists';

/** Refusals are final until the configuration changes; anything else (MongoDB down) may pass. */
const retriable = (error: unknown) =>
  !(error instanceof AppProblem) || error.getStatus() >= HttpStatus.INTERNAL_SERVER_ERROR;
