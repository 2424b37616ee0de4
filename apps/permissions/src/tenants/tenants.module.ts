import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock } from '@extapps/contracts';
import { MONGO_CONNECTION } from '@extapps/platform';
import { Connection } from 'mongoose';
import { AggregateRepositories } from '../infrastructure/aggregate-repositories';
import { AggregateRepository } from '../infrastructure/aggregate-repository';
import { CLOCK } from '../infrastructure/tokens';
import { CreateFolderController } from './commands/create-folder/create-folder.controller';
import { CreateFolderHandler } from './commands/create-folder/create-folder.handler';
import { CreateTenantController } from './commands/create-tenant/create-tenant.controller';
import { CreateTenantHandler } from './commands/create-tenant/create-tenant.handler';
import { DeleteFolderController } from './commands/delete-folder/delete-folder.controller';
import { DeleteFolderHandler } from './commands/delete-folder/delete-folder.handler';
import { DeleteTenantController } from './commands/delete-tenant/delete-tenant.controller';
import { DeleteTenantHandler } from './commands/delete-tenant/delete-tenant.handler';
import { RenameTenantController } from './commands/rename-tenant/rename-tenant.controller';
import { RenameTenantHandler } from './commands/rename-tenant/rename-tenant.handler';
import { TenantExecutor } from './commands/tenant-executor';
import { UpdateFolderController } from './commands/update-folder/update-folder.controller';
import { UpdateFolderHandler } from './commands/update-folder/update-folder.handler';
import { liveNameKey, TenantNameGuard } from './infrastructure/tenant-name-guard';
import { TenantNames } from './infrastructure/tenant-names';
import { TenantsQueryController } from './queries/tenants-query.controller';
import { tenantAggregate } from './tenant.aggregate';
import { TenantState } from './tenant.state';
import { TENANT_REPOSITORY } from './tenants.tokens';
import { TenantViewStore } from './views/tenant-view.store';
import { TenantViewWorker } from './views/tenant-view.worker';

/** A name claim younger than this belongs to a command that may still be in flight. */
export const NAME_CLAIM_STALE_AFTER_MS = 60_000;

/**
 * Tenants and their folder trees: commands (one slice each), reads, the tenant list view.
 * Needs the global InfrastructureModule and a global ASSIGNMENT_LOOKUP (the access index).
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    CreateTenantController,
    RenameTenantController,
    DeleteTenantController,
    CreateFolderController,
    UpdateFolderController,
    DeleteFolderController,
    TenantsQueryController,
  ],
  providers: [
    CreateTenantHandler,
    RenameTenantHandler,
    DeleteTenantHandler,
    CreateFolderHandler,
    UpdateFolderHandler,
    DeleteFolderHandler,
    TenantExecutor,
    TenantViewWorker,
    {
      provide: TENANT_REPOSITORY,
      inject: [AggregateRepositories],
      useFactory: (repositories: AggregateRepositories) => repositories.create(tenantAggregate),
    },
    {
      provide: TenantNameGuard,
      inject: [MONGO_CONNECTION, CLOCK, TENANT_REPOSITORY],
      useFactory: (
        connection: Connection,
        clock: Clock,
        repository: AggregateRepository<TenantState>,
      ) => {
        const names = new TenantNames(connection, {
          clock,
          staleAfterMs: NAME_CLAIM_STALE_AFTER_MS,
          ownerHasName: async (tenantId, key) =>
            liveNameKey((await repository.load(tenantId)).state) === key,
        });
        return new TenantNameGuard(names, (tenantId) => repository.load(tenantId));
      },
    },
    {
      provide: TenantViewStore,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) => new TenantViewStore(connection),
    },
  ],
  exports: [TENANT_REPOSITORY],
})
export class TenantsModule {}
