import { OnApplicationShutdown, Provider } from '@nestjs/common';
import { MongoConnectionManager } from '@extapps/mongo';
import { Logger } from 'pino';
import { BaseConfig } from '../config/base-config';
import { MONGO_CONNECTION, ROOT_LOGGER } from '../tokens';

/** The Nest hook for the manager, which knows nothing of Nest. */
class MongoShutdown implements OnApplicationShutdown {
  constructor(private readonly manager: MongoConnectionManager) {}

  /** Runs after the HTTP server and the consumers (beforeApplicationShutdown) have stopped. */
  onApplicationShutdown(): Promise<void> {
    return this.manager.close();
  }
}

/** The service's one MongoDB connection under MONGO_CONNECTION, retried until reachable. */
export function mongoProviders(config: BaseConfig): Provider[] {
  return [
    {
      provide: MongoConnectionManager,
      useFactory: (logger: Logger) =>
        new MongoConnectionManager({
          url: config.MONGO_URL,
          dbName: config.MONGO_DB,
          logger,
        }),
      inject: [ROOT_LOGGER],
    },
    {
      provide: MONGO_CONNECTION,
      useFactory: (manager: MongoConnectionManager) => manager.connection,
      inject: [MongoConnectionManager],
    },
    {
      provide: MongoShutdown,
      useFactory: (manager: MongoConnectionManager) => new MongoShutdown(manager),
      inject: [MongoConnectionManager],
    },
  ];
}
