import { setTimeout as delay } from 'node:timers/promises';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Logger } from 'pino';
import { TokenConfig } from '../config';
import { CLOCK } from '../tokens';
import { SigningKeyDecryptionError } from './key-cipher';
import { KeyRotation } from './key-rotation';
import { keySchedule } from './key-schedule';
import { PeriodicTask } from './periodic-task';
import { SIGNING_KEY_STORE, SigningKeyStore } from './signing-key-store';
import { SigningKeys } from './signing-keys';

const MAX_START_BACKOFF_MS = 5_000;

/** SigningKeys with an empty ring; SigningKeyRefresher fills it before the service serves. */
export function signingKeysFactory(config: TokenConfig, clock: Clock): SigningKeys {
  return new SigningKeys(clock, keySchedule(config.SIGNING_KEY_ROTATION_HOURS));
}

/**
 * Loads (or creates) the signing keys at start-up, before HTTP listens, then refreshes them every
 * SIGNING_KEY_REFRESH_SECONDS. Start-up waits for MongoDB (retrying; the connection comes up in
 * the background) but stops at once on keys that do not decrypt: a wrong
 * SIGNING_KEY_ENCRYPTION_KEY is a configuration error, not an outage. A failed periodic refresh
 * keeps the ring already loaded.
 */
@Injectable()
export class SigningKeyRefresher
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly rotation: KeyRotation;
  private readonly periodic: PeriodicTask;

  constructor(
    @Inject(SIGNING_KEY_STORE) store: SigningKeyStore,
    keys: SigningKeys,
    @Inject(SERVICE_CONFIG) config: TokenConfig,
    @Inject(CLOCK) clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.rotation = new KeyRotation({
      store,
      encryptionKey: config.SIGNING_KEY_ENCRYPTION_KEY,
      schedule: keySchedule(config.SIGNING_KEY_ROTATION_HOURS),
      clock,
      ring: keys,
      logger,
    });
    this.periodic = new PeriodicTask(
      () => this.refresh(),
      config.SIGNING_KEY_REFRESH_SECONDS * 1000,
      (err) => logger.warn({ err }, 'signing key refresh failed; keeping the keys loaded'),
    );
  }

  /** The refresh the timer runs; tests may call it to skip the wait. */
  refresh(): Promise<void> {
    return this.rotation.refresh();
  }

  async onModuleInit(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.refresh();
        this.logger.info({ attempt }, 'signing keys loaded');
        return;
      } catch (err) {
        if (err instanceof SigningKeyDecryptionError) throw err;
        const backoffMs = Math.min(MAX_START_BACKOFF_MS, 250 * 2 ** attempt);
        this.logger.warn({ err, attempt, backoffMs }, 'cannot load the signing keys yet');
        await delay(backoffMs);
      }
    }
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  /** Before the MongoDB connection closes (onApplicationShutdown). */
  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }
}
