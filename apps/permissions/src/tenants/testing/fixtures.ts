import { CreateTenant, TenantCommand } from '../tenant.commands';
import { AssignmentCounts, decideTenant, rebuildTenant, TenantContext } from '../tenant.decider';
import { TenantDecision, TenantEventPayload } from '../tenant.errors';
import { TenantState } from '../tenant.state';

export const limits = { maxDepth: 4, maxFolders: 50 };

/** Assignment counts from a plain list of where assignments are (null: on the tenant). */
export function assignmentsAt(...places: (string | null)[]): AssignmentCounts {
  return {
    inTenant: () => places.length,
    onFolders: (ids) => places.filter((p) => p !== null && ids.includes(p)).length,
  };
}

export const context = (assignments = assignmentsAt()): TenantContext => ({
  limits,
  assignments,
});

export const createTenant: CreateTenant = {
  type: 'CreateTenant',
  tenantId: 't-1',
  name: 'Acme',
};

export const folder = (folderId: string, parentId: string | null, name = folderId) =>
  ({ type: 'CreateFolder', folderId, name, parentId }) as const;

/** Decides each command on the state the previous ones left; throws on a refusal. */
export function given(...commands: TenantCommand[]) {
  const events: TenantEventPayload[] = [];
  for (const command of commands) {
    const decision = decideTenant(command, rebuildTenant(events), context());
    if (!decision.ok) throw new Error(`given ${command.type}: ${decision.error.code}`);
    events.push(...decision.events);
  }
  const state = rebuildTenant(events);
  return {
    events,
    state,
    when: (command: TenantCommand, ctx = context()): TenantDecision =>
      decideTenant(command, state, ctx),
  };
}

/**
 * acme/
 *   a/ (A)
 *     b/ (B)
 *       c/ (C)
 *   d/ (D)
 */
export const tree = () =>
  given(
    createTenant,
    folder('a', null, 'A'),
    folder('b', 'a', 'B'),
    folder('c', 'b', 'C'),
    folder('d', null, 'D'),
  );

export const refusalOf = (decision: TenantDecision) => (decision.ok ? null : decision.error);

export const eventsOf = (decision: TenantDecision) => {
  if (!decision.ok) throw new Error(`refused: ${decision.error.code}`);
  return decision.events;
};

export const foldersOf = (state: TenantState) =>
  state.status === 'absent' ? {} : Object.fromEntries(state.folders);
