import { Aggregate, PermissionsEventPayload } from '../infrastructure/aggregate-repository';
import { RoleEventPayload } from './role.errors';
import { evolveRole, initialRoleState, RoleState } from './role.state';

const ROLE_EVENTS = new Set(['RoleCreated', 'RoleChanged', 'RoleDeleted']);

export const isRoleEvent = (event: PermissionsEventPayload): event is RoleEventPayload =>
  ROLE_EVENTS.has(event.type);

/** Roles as event streams (stream id = role id) in the service's event store. */
export const roleAggregate: Aggregate<RoleState> = {
  name: 'role',
  initialState: initialRoleState,
  evolve: (state, event) => (isRoleEvent(event) ? evolveRole(state, event) : state),
  snapshot: { schemaVersion: 1 },
};

/** The role repository: AggregateRepository<RoleState>. */
export const ROLE_REPOSITORY = Symbol('ROLE_REPOSITORY');
