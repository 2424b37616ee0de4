import { entityIdSchema, Principal } from '@extapps/contracts';
import { AssignmentRef, PrincipalStanding } from '../access/ports';
import { AssignRole, AssignmentCommand } from './assignment.commands';
import { accept, AssignmentDecision, refuse } from './assignment.errors';
import { AssignmentState } from './assignment.state';

export { evolveAssignment, initialAssignmentState, rebuildAssignment } from './assignment.state';

/** A live role as an assignment sees it. */
export interface AssignableRole {
  readonly roleId: string;
  /** The tenant of a custom role; null for a built-in role, which every tenant has. */
  readonly tenantId: string | null;
}

/**
 * What an assignment depends on besides its own stream: the principal directory, the folder
 * tree, the roles and the live assignments (the access index), plus the role the handler loaded.
 * Synchronous lookups, injected so decide stays pure.
 */
export interface AssignmentContext {
  readonly standing: (principal: Principal) => PrincipalStanding;
  /** The role if it is live, else undefined. */
  readonly role: (roleId: string) => AssignableRole | undefined;
  readonly tenantExists: (tenantId: string) => boolean;
  readonly folderExists: (tenantId: string, folderId: string) => boolean;
  readonly existing: (
    principal: Principal,
    roleId: string,
    tenantId: string,
    folderId: string | null,
  ) => AssignmentRef | undefined;
}

/**
 * An assignment's rules. Two identical assignments made at once on two instances both pass the
 * `existing` check (the index sees neither yet): the handler's insert-only claim settles that race.
 */
export function decideAssignment(
  command: AssignmentCommand,
  state: AssignmentState,
  context: AssignmentContext,
): AssignmentDecision {
  switch (command.type) {
    case 'AssignRole':
      return assign(command, state, context);
    case 'UnassignRole': {
      if (state.status === 'none') return refuse('assignment-not-found', 'no such assignment');
      if (state.status === 'unassigned') return accept();
      const { assignmentId, principal, roleId, tenantId, folderId } = state;
      const before = { principal, roleId, tenantId, folderId };
      const data = { assignmentId, reason: command.reason, before, after: null };
      return accept({ type: 'RoleUnassigned', data });
    }
    default: {
      const unreachable: never = command;
      throw new Error(`unknown assignment command ${JSON.stringify(unreachable)}`);
    }
  }
}

function assign(
  command: AssignRole,
  state: AssignmentState,
  context: AssignmentContext,
): AssignmentDecision {
  if (state.status !== 'none' || !entityIdSchema.safeParse(command.assignmentId).success) {
    return refuse('assignment-id-taken', `${command.assignmentId} cannot be a new assignment id`);
  }
  const { principal, roleId, tenantId, folderId } = command;
  const place = checkPlace(command, context);
  if (place) return place;
  const role = context.role(roleId);
  if (!role) return refuse('role-not-found', `no role ${roleId}`, 'roleId');
  if (role.tenantId !== null && role.tenantId !== tenantId) {
    return refuse(
      'role-of-other-tenant',
      `role ${roleId} belongs to tenant ${role.tenantId}, not ${tenantId}`,
      'roleId',
    );
  }
  const standing = checkStanding(principal, context.standing(principal));
  if (standing) return standing;
  const existing = context.existing(principal, roleId, tenantId, folderId);
  if (existing) {
    return refuse(
      'assignment-exists',
      `the principal has this role here already (assignment ${existing.assignmentId})`,
    );
  }
  const after = { principal: { ...principal }, roleId, tenantId, folderId };
  const data = { assignmentId: command.assignmentId, before: null, after };
  return accept({ type: 'RoleAssigned', data });
}

function checkPlace(command: AssignRole, context: AssignmentContext) {
  const { tenantId, folderId } = command;
  if (!context.tenantExists(tenantId)) {
    return refuse('tenant-not-found', `no tenant ${tenantId}`, 'tenantId');
  }
  if (folderId !== null && !context.folderExists(tenantId, folderId)) {
    return refuse('folder-not-found', `tenant ${tenantId} has no folder ${folderId}`, 'folderId');
  }
  return undefined;
}

function checkStanding(principal: Principal, standing: PrincipalStanding) {
  const who = `${principal.type} ${principal.id}`;
  switch (standing.kind) {
    case 'eligible':
      return undefined;
    case 'unknown':
      return refuse('unknown-principal', `no ${who} is known`, 'principal');
    case 'ineligible':
      return refuse(
        'principal-not-assignable',
        `${who} cannot be assigned roles: ${standing.reason}`,
        'principal',
      );
    case 'disabled':
      return refuse('principal-disabled', `${who} is disabled`, 'principal');
    case 'deleted':
      return refuse('principal-deleted', `${who} is deleted`, 'principal');
    default: {
      const unreachable: never = standing;
      throw new Error(`unknown standing ${JSON.stringify(unreachable)}`);
    }
  }
}
