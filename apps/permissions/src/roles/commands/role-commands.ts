import { Inject, Injectable } from '@nestjs/common';
import { Logger, ROOT_LOGGER } from '@extapps/platform';
import {
  ASSIGNMENT_LOOKUP,
  AssignmentLookup,
  FOLDER_LOOKUP,
  FolderLookup,
} from '../../access/ports';
import { AggregateRepository } from '../../infrastructure/aggregate-repository';
import { CommandResult, CommandRunner } from '../../infrastructure/command-runner';
import { CommandMeta } from '../../infrastructure/http/command-meta';
import { PERMISSION_CATALOG } from '../catalog/catalog.module';
import { PermissionCatalog } from '../catalog/permission-catalog';
import { ROLE_REPOSITORY } from '../role.aggregate';
import { RoleCommand } from '../role.commands';
import { decideRole, RoleContext } from '../role.decider';
import { RoleNameGuard } from '../role-name-guard';
import { ROLE_STATUS } from '../role-status';
import { RoleViews } from '../role-views';
import { RoleState } from '../role.state';

/**
 * Runs a role command through the service's CommandRunner with the role's context (catalog,
 * tenants and assignments from the access index) and the name guard, then brings the role views
 * up to the stored events (read-your-writes for GET /v1/roles on this instance).
 */
@Injectable()
export class RoleCommands {
  private readonly context: RoleContext;

  constructor(
    private readonly runner: CommandRunner,
    @Inject(ROLE_REPOSITORY) private readonly repository: AggregateRepository<RoleState>,
    @Inject(PERMISSION_CATALOG) catalog: PermissionCatalog,
    @Inject(FOLDER_LOOKUP) folders: FolderLookup,
    @Inject(ASSIGNMENT_LOOKUP) assignments: AssignmentLookup,
    private readonly guard: RoleNameGuard,
    private readonly views: RoleViews,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.context = {
      catalog,
      tenantExists: (tenantId) => folders.tenantExists(tenantId),
      assignmentsOf: (roleId) => assignments.ofRole(roleId).length,
    };
  }

  async run(command: RoleCommand, meta: CommandMeta): Promise<CommandResult<RoleState>> {
    const result = await this.runner.run({
      repository: this.repository,
      streamId: command.roleId,
      meta,
      decide: (state) => decideRole(command, state, this.context),
      statusOf: ROLE_STATUS,
      guard: this.guard,
    });
    // A failed view write is repaired when the same events come back through Kafka.
    await this.views
      .project(result.stored.map((s) => s.event))
      .catch((error: unknown) =>
        this.logger.warn(
          { component: 'roles', roleId: command.roleId, reason: (error as Error).message },
          'the role views lag behind a command (the permissions topic repairs them)',
        ),
      );
    return result;
  }
}
