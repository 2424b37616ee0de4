import { Aggregate, PermissionsEventPayload } from '../infrastructure/aggregate-repository';
import { AssignmentEventPayload } from './assignment.errors';
import { AssignmentState, evolveAssignment, initialAssignmentState } from './assignment.state';

export const isAssignmentEvent = (
  event: PermissionsEventPayload,
): event is AssignmentEventPayload =>
  event.type === 'RoleAssigned' || event.type === 'RoleUnassigned';

/** Assignments as event streams (stream id = assignment id) in the service's event store. */
export const assignmentAggregate: Aggregate<AssignmentState> = {
  name: 'assignment',
  initialState: initialAssignmentState,
  evolve: (state, event) => (isAssignmentEvent(event) ? evolveAssignment(state, event) : state),
  snapshot: { schemaVersion: 1 },
};

/** The assignment repository: AggregateRepository<AssignmentState>. */
export const ASSIGNMENT_REPOSITORY = Symbol('ASSIGNMENT_REPOSITORY');
