import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MONGO_CONNECTION } from '@extapps/platform';
import { Connection } from 'mongoose';
import { AppProjector } from './external-app/projections/app-projector';
import { appViewModel } from './external-app/projections/app-view.model';
import { AppViewStore } from './external-app/projections/app-view.store';
import { ProjectionsWorker } from './external-app/projections/projections-worker';
import { AppHistory } from './external-app/queries/app-history';
import { AppQueries } from './external-app/queries/app-queries';
import { AppsQueryController } from './external-app/queries/apps-query.controller';
import { READ_MODEL_PROJECTOR } from './infrastructure/tokens';
import { ReadModelIndexes } from './external-app/projections/read-model-indexes';
import { ResourcesController } from './resources/resources.controller';
import { EXPIRING_SECRETS_SOURCE } from './secret-expiry/expiring-secrets';
import { ExpiringSecretsController } from './secret-expiry/expiring-secrets.controller';
import { ExpiringSecretsQuery } from './secret-expiry/expiring-secrets.query';
import { SecretExpiryCheck } from './secret-expiry/secret-expiry.check';
import { SecretUsageConsumer } from './secret-usage/secret-usage.consumer';
import { SecretUsageStore } from './secret-usage/secret-usage.store';

/**
 * The read side: app views kept by AppProjector (inline after appends, and by the projections
 * worker), the query API, secrets' last use from the token service and the secret expiry check.
 * Needs from the app: EVENT_STORE, CLOCK, RESOURCE_CATALOG and the platform's MONGO_CONNECTION,
 * MESSAGE_BUS, SERVICE_CONFIG and ROOT_LOGGER; the handler of WarnSecretExpiringCommand.
 */
@Module({
  imports: [CqrsModule],
  controllers: [AppsQueryController, ExpiringSecretsController, ResourcesController],
  providers: [
    {
      provide: AppViewStore,
      useFactory: (connection: Connection) => new AppViewStore(appViewModel(connection)),
      inject: [MONGO_CONNECTION],
    },
    {
      provide: SecretUsageStore,
      useFactory: (connection: Connection) => new SecretUsageStore(connection),
      inject: [MONGO_CONNECTION],
    },
    AppProjector,
    { provide: READ_MODEL_PROJECTOR, useExisting: AppProjector },
    ProjectionsWorker,
    AppQueries,
    AppHistory,
    { provide: EXPIRING_SECRETS_SOURCE, useClass: ExpiringSecretsQuery },
    SecretExpiryCheck,
    SecretUsageConsumer,
    ReadModelIndexes,
  ],
  exports: [
    AppProjector,
    READ_MODEL_PROJECTOR,
    ProjectionsWorker,
    AppViewStore,
    SecretUsageStore,
    AppQueries,
    ReadModelIndexes,
  ],
})
export class ReadSideModule {}
