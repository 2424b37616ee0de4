import { Principal, UnassignReason } from '@extapps/contracts';
import { AssignmentEventPayload } from './assignment.errors';

export interface Assignment {
  readonly status: 'assigned' | 'unassigned';
  readonly assignmentId: string;
  readonly principal: Principal;
  readonly roleId: string;
  readonly tenantId: string;
  readonly folderId: string | null;
  /** Why it ended; null while assigned. */
  readonly reason: UnassignReason | null;
}

export type AssignmentState = { readonly status: 'none' } | Assignment;

export const initialAssignmentState: AssignmentState = { status: 'none' };

/**
 * Folds one event into the state. An event that cannot apply (an unassignment before the
 * assignment, a second assignment or unassignment) means a corrupt stream and throws.
 */
export function evolveAssignment(
  state: AssignmentState,
  event: AssignmentEventPayload,
): AssignmentState {
  switch (event.type) {
    case 'RoleAssigned': {
      if (state.status !== 'none') throw new Error(`assignment ${state.assignmentId} made twice`);
      const { assignmentId, after } = event.data;
      return { status: 'assigned', assignmentId, ...after, reason: null };
    }
    case 'RoleUnassigned': {
      if (state.status !== 'assigned') {
        throw new Error(`RoleUnassigned cannot apply to an assignment that is ${state.status}`);
      }
      return { ...state, status: 'unassigned', reason: event.data.reason };
    }
    default: {
      const unreachable: never = event;
      throw new Error(`unknown assignment event ${JSON.stringify(unreachable)}`);
    }
  }
}

export const rebuildAssignment = (events: readonly AssignmentEventPayload[]): AssignmentState =>
  events.reduce(evolveAssignment, initialAssignmentState);
