import { permissionsEvents } from '@extapps/contracts';
import { DEFAULT_PERMISSION_CATALOG } from '../catalog/permission-catalog';
import { CreateRole, RoleCommand } from '../role.commands';
import { decideRole, RoleContext } from '../role.decider';
import { RoleDecision, RoleEventPayload } from '../role.errors';
import { rebuildRole } from '../role.state';

export const TENANT = 'tenant-1';

export const createRole: CreateRole = {
  type: 'CreateRole',
  roleId: 'role-1',
  tenantId: TENANT,
  name: 'Robot operator',
  permissions: ['Queues.View', 'Jobs.View', 'Jobs.Create'],
};

/** The default catalog, one live tenant, and `assignments` live assignments of every role. */
export function roleContext(assignments = 0): RoleContext {
  return {
    catalog: DEFAULT_PERMISSION_CATALOG,
    tenantExists: (tenantId) => tenantId === TENANT,
    assignmentsOf: () => assignments,
  };
}

const validators = new Map(permissionsEvents.map((d) => [d.type as string, d.data]));

/** Decides after folding `history`, which the decider itself builds, so it is always valid. */
export function givenRole(...history: RoleCommand[]) {
  const events: RoleEventPayload[] = [];
  for (const command of history) {
    const decision = decideRole(command, rebuildRole(events), roleContext());
    if (!decision.ok) throw new Error(`given ${command.type}: ${decision.error.code}`);
    events.push(...decision.events);
  }
  return {
    events,
    when: (command: RoleCommand, context = roleContext()): RoleDecision => {
      const decision = decideRole(command, rebuildRole(events), context);
      // Whatever the decider emits must also satisfy the published contract.
      if (decision.ok) decision.events.forEach((e) => validators.get(e.type)?.parse(e.data));
      return decision;
    },
  };
}

export const roleErrorOf = (decision: RoleDecision) => (decision.ok ? undefined : decision.error);
