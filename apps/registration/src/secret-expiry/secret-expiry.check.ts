import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock } from '@extapps/contracts';
import { Logger, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { randomUUID } from 'node:crypto';
import { RegistrationConfig } from '../config';
import { WarnSecretExpiringCommand } from '../external-app/commands/warn-secret-expiring/warn-secret-expiring.command';
import { CLOCK } from '../infrastructure/tokens';
import { EXPIRING_SECRETS_SOURCE, ExpiringSecretsSource } from './expiring-secrets';

export const DAY_MS = 86_400_000;
export const EXPIRY_CHECK_ACTOR = { type: 'system', id: 'secret-expiry-check' } as const;

export interface ExpiryCheckOutcome {
  /** Secrets a warning was asked for. */
  readonly warned: number;
  /** Secrets whose command failed; the next run tries them again. */
  readonly failed: number;
}

/**
 * Asks for SecretExpiringSoon for every secret that entered the warning window. The decider warns
 * once per secret and re-checks the window at its own `now`, so overlapping runs on several
 * instances, or a view a moment behind, cause no second warning.
 */
@Injectable()
export class SecretExpiryCheck implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly logger: Logger;

  constructor(
    @Inject(EXPIRING_SECRETS_SOURCE) private readonly source: ExpiringSecretsSource,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: RegistrationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'secret-expiry-check' });
  }

  onApplicationBootstrap(): void {
    const tick = () =>
      this.runOnce().catch((error: unknown) =>
        this.logger.warn({ reason: (error as Error).message }, 'expiry check failed'),
      );
    this.timer = setInterval(tick, this.config.SECRET_EXPIRY_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One run; runs never overlap, whoever starts them (the timer or a test). */
  runOnce(): Promise<ExpiryCheckOutcome> {
    const run = this.running.then(() => this.run());
    this.running = run.catch(() => undefined);
    return run;
  }

  private async run(): Promise<ExpiryCheckOutcome> {
    const windowMs = this.config.SECRET_EXPIRY_WARNING_DAYS * DAY_MS;
    const due = await this.source.find({ now: this.clock.now(), windowMs, unwarnedOnly: true });
    const meta = { actor: EXPIRY_CHECK_ACTOR, correlationId: `secret-expiry-${randomUUID()}` };
    let failed = 0;
    for (const { app, secret } of due) {
      try {
        await this.commands.execute(
          new WarnSecretExpiringCommand(app.id, secret.id, windowMs, meta),
        );
      } catch (error) {
        failed++;
        const reason = (error as Error).message;
        this.logger.warn({ appId: app.id, secretId: secret.id, reason }, 'expiry warning failed');
      }
    }
    if (due.length > 0) this.logger.info({ due: due.length, failed }, 'expiry check done');
    return { warned: due.length - failed, failed };
  }
}
