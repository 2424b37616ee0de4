import { RoleEventPayload } from './role.errors';

export interface CustomRole {
  readonly status: 'live' | 'deleted';
  readonly roleId: string;
  readonly tenantId: string;
  readonly name: string;
  readonly permissions: readonly string[];
}

export type RoleState = { readonly status: 'none' } | CustomRole;

export const initialRoleState: RoleState = { status: 'none' };

/**
 * Folds one event into the state. Events are facts already accepted, so evolve never validates;
 * an event that cannot apply (a change before the creation, anything after the deletion) means a
 * corrupt stream and throws.
 */
export function evolveRole(state: RoleState, event: RoleEventPayload): RoleState {
  switch (event.type) {
    case 'RoleCreated': {
      if (state.status !== 'none') throw new Error(`role ${state.roleId} is created twice`);
      const { roleId, tenantId, after } = event.data;
      return { status: 'live', roleId, tenantId, ...after };
    }
    case 'RoleChanged':
      return { ...live(state, event.type), ...event.data.after };
    case 'RoleDeleted':
      return { ...live(state, event.type), status: 'deleted' };
    default: {
      const unreachable: never = event;
      throw new Error(`unknown role event ${JSON.stringify(unreachable)}`);
    }
  }
}

function live(state: RoleState, type: string): CustomRole {
  if (state.status !== 'live')
    throw new Error(`${type} cannot apply to a role that is ${state.status}`);
  return state;
}

export const rebuildRole = (events: readonly RoleEventPayload[]): RoleState =>
  events.reduce(evolveRole, initialRoleState);
