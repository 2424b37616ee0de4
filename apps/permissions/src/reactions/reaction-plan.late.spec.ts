import { distinctReactions, Reaction, reactionsTo } from './reaction-plan';
import { app, event, facts, place, unassign, user } from './testing/reaction-fixtures';

describe('RoleAssigned arriving after the deletion of what it names', () => {
  const assigned = (principal: typeof app | typeof user = app) =>
    event('RoleAssigned', 'a-9', {
      assignmentId: 'a-9',
      before: null,
      after: { ...place, principal },
    });

  it.each([
    ['a deleted app', app, { standing: { kind: 'deleted' } }, 'app-deleted'],
    ['a deleted user', user, { standing: { kind: 'deleted' } }, 'user-deleted'],
    ['a deleted tenant', app, { tenantDeleted: () => true }, 'tenant-deleted'],
    ['a deleted role', app, { roleDeleted: () => true }, 'role-deleted'],
  ] as const)('given %s, then the assignment ends at once', (_case, principal, more, reason) => {
    expect(reactionsTo(assigned(principal), facts([], more))).toEqual([unassign('a-9', reason)]);
  });

  it.each([
    ['eligible', { kind: 'eligible' }],
    ['disabled', { kind: 'disabled' }],
    ['unknown (not heard of yet)', { kind: 'unknown' }],
  ] as const)('given a principal %s and nothing deleted, then nothing', (_case, standing) => {
    expect(reactionsTo(assigned(), facts([], { standing }))).toEqual([]);
  });
});

describe('distinctReactions', () => {
  it('given the plans before and after the index moved, then each assignment and role once', () => {
    const plan: Reaction[] = [
      unassign('a-1', 'tenant-deleted'),
      { kind: 'delete-role', roleId: 'r-1' },
      unassign('a-1', 'tenant-deleted'),
      { kind: 'delete-role', roleId: 'r-1' },
      unassign('a-2', 'tenant-deleted'),
    ];
    expect(distinctReactions(plan)).toEqual([plan[0], plan[1], plan[4]]);
  });
});
