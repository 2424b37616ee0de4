import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, ResourceCatalog } from '@extapps/contracts';
import { Logger, MONGO_CONNECTION, ROOT_LOGGER } from '@extapps/platform';
import { Connection } from 'mongoose';
import { AppNames } from '../../infrastructure/app-names';
import { AppRepository } from '../../infrastructure/app-repository';
import { OutboxWaker, ReadModelProjector } from '../../infrastructure/ports';
import {
  CLOCK,
  OUTBOX_WAKER,
  READ_MODEL_PROJECTOR,
  RESOURCE_CATALOG,
} from '../../infrastructure/tokens';
import { ReadSideModule } from '../../read-side.module';
import { SecretUsageStore } from '../../secret-usage/secret-usage.store';
import { appViewModel } from '../projections/app-view.model';
import { AppViewStore } from '../projections/app-view.store';
import { AddSecretController } from './add-secret/add-secret.controller';
import { AddSecretHandler } from './add-secret/add-secret.handler';
import { AppResponder } from './app-response';
import { CommandRunner } from './command-runner';
import { DeleteExternalAppController } from './delete-external-app/delete-external-app.controller';
import { DeleteExternalAppHandler } from './delete-external-app/delete-external-app.handler';
import { DisableExternalAppController } from './disable-external-app/disable-external-app.controller';
import { DisableExternalAppHandler } from './disable-external-app/disable-external-app.handler';
import { EnableExternalAppController } from './enable-external-app/enable-external-app.controller';
import { EnableExternalAppHandler } from './enable-external-app/enable-external-app.handler';
import { NameGuard } from './name-guard';
import { RegisterExternalAppController } from './register-external-app/register-external-app.controller';
import { RegisterExternalAppHandler } from './register-external-app/register-external-app.handler';
import { RevokeSecretController } from './revoke-secret/revoke-secret.controller';
import { RevokeSecretHandler } from './revoke-secret/revoke-secret.handler';
import { UpdateExternalAppController } from './update-external-app/update-external-app.controller';
import { UpdateExternalAppHandler } from './update-external-app/update-external-app.handler';
import { WarnSecretExpiringHandler } from './warn-secret-expiring/warn-secret-expiring.handler';

/**
 * The write side: one controller, command and handler per use case, all through CommandRunner.
 * Needs CqrsModule.forRoot() and the global InfrastructureModule; the read side supplies the
 * projector (read-your-writes) and the views command responses show.
 */
@Module({
  imports: [CqrsModule, ReadSideModule],
  controllers: [
    RegisterExternalAppController,
    UpdateExternalAppController,
    DeleteExternalAppController,
    DisableExternalAppController,
    EnableExternalAppController,
    AddSecretController,
    RevokeSecretController,
  ],
  providers: [
    RegisterExternalAppHandler,
    UpdateExternalAppHandler,
    DeleteExternalAppHandler,
    DisableExternalAppHandler,
    EnableExternalAppHandler,
    AddSecretHandler,
    RevokeSecretHandler,
    WarnSecretExpiringHandler,
    AppResponder,
    // Stateless wrappers over the read side's collections, for command responses.
    {
      provide: AppViewStore,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) => new AppViewStore(appViewModel(connection)),
    },
    {
      provide: SecretUsageStore,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) => new SecretUsageStore(connection),
    },
    {
      provide: NameGuard,
      inject: [AppNames, AppRepository],
      useFactory: (names: AppNames, repository: AppRepository) =>
        new NameGuard(names, (appId) => repository.load(appId)),
    },
    {
      provide: CommandRunner,
      inject: [
        AppRepository,
        NameGuard,
        CLOCK,
        RESOURCE_CATALOG,
        READ_MODEL_PROJECTOR,
        OUTBOX_WAKER,
        ROOT_LOGGER,
      ],
      useFactory: (
        repository: AppRepository,
        names: NameGuard,
        clock: Clock,
        catalog: ResourceCatalog,
        projector: ReadModelProjector,
        outbox: OutboxWaker,
        logger: Logger,
      ) =>
        new CommandRunner({
          repository,
          names,
          clock,
          catalog,
          projector,
          outbox,
          onSideStepFailure: (step, appId, error) =>
            logger.warn(
              { component: 'commands', appId, step, reason: (error as Error).message },
              'a side step of a command failed (a stale name claim or a lagging view, both catch up)',
            ),
        }),
    },
  ],
  exports: [CommandRunner],
})
export class CommandsModule {}
