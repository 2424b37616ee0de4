import { AssignmentEventPayload } from './assignment.errors';
import { evolveAssignment, initialAssignmentState, rebuildAssignment } from './assignment.state';

const view = {
  principal: { type: 'app', id: 'app-1' },
  roleId: 'role-1',
  tenantId: 't-1',
  folderId: null,
} as const;
const assigned: AssignmentEventPayload = {
  type: 'RoleAssigned',
  data: { assignmentId: 'asg-1', before: null, after: view },
};
const unassigned: AssignmentEventPayload = {
  type: 'RoleUnassigned',
  data: { assignmentId: 'asg-1', reason: 'folder-deleted', before: view, after: null },
};

describe('evolveAssignment', () => {
  it('given RoleAssigned, then the assignment is live with no reason', () => {
    expect(evolveAssignment(initialAssignmentState, assigned)).toEqual({
      status: 'assigned',
      assignmentId: 'asg-1',
      ...view,
      reason: null,
    });
  });

  it('given RoleUnassigned, then it has ended, keeping what it was and why it ended', () => {
    expect(rebuildAssignment([assigned, unassigned])).toEqual({
      status: 'unassigned',
      assignmentId: 'asg-1',
      ...view,
      reason: 'folder-deleted',
    });
  });

  it.each([
    ['RoleAssigned twice', [assigned, assigned]],
    ['RoleUnassigned first', [unassigned]],
    ['RoleUnassigned twice', [assigned, unassigned, unassigned]],
    ['RoleAssigned after RoleUnassigned', [assigned, unassigned, assigned]],
  ])('given %s, then the stream is corrupt and evolve throws', (_case, events) => {
    expect(() => rebuildAssignment(events)).toThrow();
  });
});
