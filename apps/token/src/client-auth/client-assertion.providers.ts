import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Provider,
} from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { MONGO_CONNECTION, ROOT_LOGGER } from '@extapps/platform';
import { Connection } from 'mongoose';
import { Logger } from 'pino';
import { PeriodicTask } from '../keys/periodic-task';
import { CLOCK } from '../tokens';
import { ClientAssertionAuthenticator } from './client-assertion-authenticator';
import { CLIENT_ASSERTION_REPLAY, ClientAssertionReplay } from './client-assertion-replay';
import { MongoClientAssertionReplay } from './mongo-client-assertion-replay';

/** Used assertions live minutes; FerretDB has no TTL index, so they are deleted this often. */
export const USED_ASSERTION_PURGE_INTERVAL_MS = 10 * 60_000;

/** Deletes expired used-assertion ids on every instance (deletes are idempotent). */
@Injectable()
export class UsedAssertionPurge implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly periodic: PeriodicTask;

  constructor(
    @Inject(CLIENT_ASSERTION_REPLAY) replay: ClientAssertionReplay,
    @Inject(CLOCK) clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.periodic = new PeriodicTask(
      async () => {
        const purged = await replay.purgeExpired(clock.now());
        if (purged > 0) logger.debug({ purged }, 'expired client assertion ids purged');
      },
      USED_ASSERTION_PURGE_INTERVAL_MS,
      (err) => logger.warn({ err }, 'purging used client assertion ids failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }
}

/** private_key_jwt: the verifier and its used-assertion store in MongoDB. */
export const clientAssertionProviders: Provider[] = [
  {
    provide: CLIENT_ASSERTION_REPLAY,
    useFactory: (connection: Connection) => new MongoClientAssertionReplay(connection),
    inject: [MONGO_CONNECTION],
  },
  ClientAssertionAuthenticator,
  UsedAssertionPurge,
];
