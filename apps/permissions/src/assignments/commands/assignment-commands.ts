import { Inject, Injectable } from '@nestjs/common';
import { UnassignReason } from '@extapps/contracts';
import {
  ASSIGNMENT_LOOKUP,
  AssignmentLookup,
  FOLDER_LOOKUP,
  FolderLookup,
  PRINCIPAL_DIRECTORY,
  PrincipalDirectory,
} from '../../access/ports';
import { AggregateRepository } from '../../infrastructure/aggregate-repository';
import { CommandResult, CommandRunner } from '../../infrastructure/command-runner';
import { CommandMeta } from '../../infrastructure/http/command-meta';
import { BuiltInRole } from '../../roles/catalog/built-in-roles';
import { BUILT_IN_ROLES } from '../../roles/catalog/catalog.module';
import { ROLE_REPOSITORY } from '../../roles/role.aggregate';
import { RoleState } from '../../roles/role.state';
import { ASSIGNMENT_REPOSITORY } from '../assignment.aggregate';
import { AssignRole, AssignmentCommand } from '../assignment.commands';
import { AssignableRole, AssignmentContext, decideAssignment } from '../assignment.decider';
import { AssignmentClaimGuard } from '../assignment-claim-guard';
import { ASSIGNMENT_STATUS } from '../assignment-status';
import { AssignmentState } from '../assignment.state';

/**
 * Runs assignment commands through the service's CommandRunner: the decider's context comes
 * from the access index (principals, folders, live assignments) and the role's own stream (read
 * here, so a role created or deleted a moment ago on any instance is seen as it is).
 */
@Injectable()
export class AssignmentCommands {
  private readonly builtIns: ReadonlyMap<string, BuiltInRole>;

  constructor(
    private readonly runner: CommandRunner,
    @Inject(ASSIGNMENT_REPOSITORY)
    private readonly repository: AggregateRepository<AssignmentState>,
    @Inject(ROLE_REPOSITORY) private readonly roles: AggregateRepository<RoleState>,
    @Inject(BUILT_IN_ROLES) builtIns: readonly BuiltInRole[],
    @Inject(PRINCIPAL_DIRECTORY) private readonly principals: PrincipalDirectory,
    @Inject(FOLDER_LOOKUP) private readonly folders: FolderLookup,
    @Inject(ASSIGNMENT_LOOKUP) private readonly assignments: AssignmentLookup,
    private readonly guard: AssignmentClaimGuard,
  ) {
    this.builtIns = new Map(builtIns.map((r) => [r.roleId, r]));
  }

  async assign(command: AssignRole, meta: CommandMeta): Promise<CommandResult<AssignmentState>> {
    const role = await this.roleOf(command.roleId);
    return this.run(command.assignmentId, command, meta, role);
  }

  unassign(
    assignmentId: string,
    reason: UnassignReason,
    meta: CommandMeta,
  ): Promise<CommandResult<AssignmentState>> {
    return this.run(assignmentId, { type: 'UnassignRole', reason }, meta, undefined);
  }

  private run(
    assignmentId: string,
    command: AssignmentCommand,
    meta: CommandMeta,
    role: AssignableRole | undefined,
  ): Promise<CommandResult<AssignmentState>> {
    const context = this.contextWith(role);
    return this.runner.run({
      repository: this.repository,
      streamId: assignmentId,
      meta,
      decide: (state) => decideAssignment(command, state, context),
      statusOf: ASSIGNMENT_STATUS,
      guard: this.guard,
    });
  }

  private async roleOf(roleId: string): Promise<AssignableRole | undefined> {
    if (this.builtIns.has(roleId)) return { roleId, tenantId: null };
    const { state } = await this.roles.load(roleId);
    return state.status === 'live' ? { roleId, tenantId: state.tenantId } : undefined;
  }

  private contextWith(role: AssignableRole | undefined): AssignmentContext {
    return {
      standing: (principal) => this.principals.lookup(principal),
      role: (roleId) => (role?.roleId === roleId ? role : undefined),
      tenantExists: (tenantId) => this.folders.tenantExists(tenantId),
      folderExists: (tenantId, folderId) => this.folders.folderExists(tenantId, folderId),
      existing: (principal, roleId, tenantId, folderId) =>
        this.assignments.find(principal, roleId, tenantId, folderId),
    };
  }
}
