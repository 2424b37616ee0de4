import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock } from '@extapps/contracts';
import { MONGO_CONNECTION } from '@extapps/platform';
import { Connection } from 'mongoose';
import { AggregateRepositories } from '../infrastructure/aggregate-repositories';
import { AggregateRepository } from '../infrastructure/aggregate-repository';
import { CLOCK } from '../infrastructure/tokens';
import { ChangeRoleController } from './commands/change-role/change-role.controller';
import { ChangeRoleHandler } from './commands/change-role/change-role.handler';
import { CreateRoleController } from './commands/create-role/create-role.controller';
import { CreateRoleHandler } from './commands/create-role/create-role.handler';
import { DeleteRoleController } from './commands/delete-role/delete-role.controller';
import { DeleteRoleHandler } from './commands/delete-role/delete-role.handler';
import { RoleCommands } from './commands/role-commands';
import { RolesQueryController } from './queries/roles-query.controller';
import { roleAggregate, ROLE_REPOSITORY } from './role.aggregate';
import { RoleDirectory } from './role-directory';
import { ROLE_NAMES_COLLECTION, RoleNameGuard } from './role-name-guard';
import { RoleViews } from './role-views';
import { RoleState } from './role.state';
import { UniqueClaims } from './unique-claims';

/**
 * Custom roles (event-sourced, stream id = role id) and the built-in ones; the catalog comes from
 * the global PermissionCatalogModule, the access index's ports from the global access module.
 * Exports what the assignments and the reactions need: the role repository, commands, views.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    CreateRoleController,
    ChangeRoleController,
    DeleteRoleController,
    RolesQueryController,
  ],
  providers: [
    {
      provide: ROLE_REPOSITORY,
      inject: [AggregateRepositories],
      useFactory: (repositories: AggregateRepositories) => repositories.create(roleAggregate),
    },
    {
      provide: RoleViews,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) => new RoleViews(connection),
    },
    {
      provide: RoleNameGuard,
      inject: [MONGO_CONNECTION, CLOCK, ROLE_REPOSITORY],
      useFactory: (connection: Connection, clock: Clock, roles: AggregateRepository<RoleState>) =>
        new RoleNameGuard(new UniqueClaims(connection, ROLE_NAMES_COLLECTION, clock), roles),
    },
    CreateRoleHandler,
    ChangeRoleHandler,
    DeleteRoleHandler,
    RoleCommands,
    RoleDirectory,
  ],
  exports: [ROLE_REPOSITORY, RoleCommands, RoleViews, RoleDirectory],
})
export class RolesModule {}
