import { permissionsEvents, Principal } from '@extapps/contracts';
import { AssignmentRef, PrincipalStanding } from '../../access/ports';
import { AssignRole, AssignmentCommand } from '../assignment.commands';
import { AssignableRole, AssignmentContext, decideAssignment } from '../assignment.decider';
import { AssignmentDecision, AssignmentEventPayload } from '../assignment.errors';
import { rebuildAssignment } from '../assignment.state';

export const TENANT = 'tenant-1';
export const FOLDER = 'folder-1';
export const APP: Principal = { type: 'app', id: 'app-1' };

export const assignRole: AssignRole = {
  type: 'AssignRole',
  assignmentId: 'asg-1',
  principal: APP,
  roleId: 'role-1',
  tenantId: TENANT,
  folderId: FOLDER,
};

export interface World {
  readonly standing: PrincipalStanding;
  readonly roles: readonly AssignableRole[];
  readonly existing: readonly AssignmentRef[];
}

/** One tenant with one folder, role-1 of that tenant, the built-in viewer, an eligible app. */
export const world: World = {
  standing: { kind: 'eligible' },
  roles: [
    { roleId: 'role-1', tenantId: TENANT },
    { roleId: 'builtin.viewer', tenantId: null },
  ],
  existing: [],
};

export function assignmentContext(changes: Partial<World> = {}): AssignmentContext {
  const { standing, roles, existing } = { ...world, ...changes };
  return {
    standing: () => standing,
    role: (roleId) => roles.find((r) => r.roleId === roleId),
    tenantExists: (tenantId) => tenantId === TENANT,
    folderExists: (tenantId, folderId) => tenantId === TENANT && folderId === FOLDER,
    existing: (principal, roleId, tenantId, folderId) =>
      existing.find(
        (a) =>
          a.principal.type === principal.type &&
          a.principal.id === principal.id &&
          a.roleId === roleId &&
          a.tenantId === tenantId &&
          a.folderId === folderId,
      ),
  };
}

const validators = new Map(permissionsEvents.map((d) => [d.type as string, d.data]));

/** Decides after folding `history`, which the decider itself builds, so it is always valid. */
export function givenAssignment(...history: AssignmentCommand[]) {
  const events: AssignmentEventPayload[] = [];
  for (const command of history) {
    const decision = decideAssignment(command, rebuildAssignment(events), assignmentContext());
    if (!decision.ok) throw new Error(`given ${command.type}: ${decision.error.code}`);
    events.push(...decision.events);
  }
  return {
    events,
    when: (command: AssignmentCommand, context = assignmentContext()): AssignmentDecision => {
      const decision = decideAssignment(command, rebuildAssignment(events), context);
      // Whatever the decider emits must also satisfy the published contract.
      if (decision.ok) decision.events.forEach((e) => validators.get(e.type)?.parse(e.data));
      return decision;
    },
  };
}

export const assignmentErrorOf = (decision: AssignmentDecision) =>
  decision.ok ? undefined : decision.error;
