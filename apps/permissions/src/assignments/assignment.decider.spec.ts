import { UnassignReason } from '@extapps/contracts';
import {
  APP,
  assignmentContext,
  assignmentErrorOf,
  assignRole,
  FOLDER,
  givenAssignment,
  TENANT,
} from './testing/assignment-fixtures';

const unassign = (reason: UnassignReason = 'unassigned') =>
  ({ type: 'UnassignRole', reason }) as const;
const view = { principal: APP, roleId: 'role-1', tenantId: TENANT, folderId: FOLDER };
const codeOf = (...args: Parameters<ReturnType<typeof givenAssignment>['when']>) =>
  assignmentErrorOf(givenAssignment().when(...args))?.code;

describe('AssignRole', () => {
  it('given an eligible app, a live role of the tenant and a folder, then RoleAssigned', () => {
    expect(givenAssignment().when(assignRole)).toEqual({
      ok: true,
      events: [
        { type: 'RoleAssigned', data: { assignmentId: 'asg-1', before: null, after: view } },
      ],
    });
  });

  it('given no folder, then the assignment is on the whole tenant', () => {
    const decision = givenAssignment().when({ ...assignRole, folderId: null });
    expect(decision.ok && decision.events[0]?.data.after).toEqual({ ...view, folderId: null });
  });

  it('given a built-in role, then it can be assigned in any tenant', () => {
    const decision = givenAssignment().when({ ...assignRole, roleId: 'builtin.viewer' });
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['RoleAssigned']);
  });

  it('given a user principal the directory knows, then RoleAssigned for the user', () => {
    const principal = { type: 'user', id: 'user-1' } as const;
    const decision = givenAssignment().when({ ...assignRole, principal });
    expect(decision.ok && decision.events[0]?.data.after?.principal).toEqual(principal);
  });

  it.each([
    ['an unknown principal', { kind: 'unknown' }, 'unknown-principal'],
    [
      'a non-confidential app',
      { kind: 'ineligible', reason: 'a non-confidential app' },
      'principal-not-assignable',
    ],
    ['a disabled principal', { kind: 'disabled' }, 'principal-disabled'],
    ['a deleted principal', { kind: 'deleted' }, 'principal-deleted'],
  ] as const)('given %s, then %s', (_case, standing, code) => {
    expect(codeOf(assignRole, assignmentContext({ standing }))).toBe(code);
  });

  it('given an ineligible app, then the refusal says why', () => {
    const standing = { kind: 'ineligible', reason: 'it has no application scopes' } as const;
    expect(
      assignmentErrorOf(givenAssignment().when(assignRole, assignmentContext({ standing }))),
    ).toEqual({
      code: 'principal-not-assignable',
      message: 'app app-1 cannot be assigned roles: it has no application scopes',
      field: 'principal',
    });
  });

  it('given an unknown or deleted role, then role-not-found', () => {
    expect(codeOf({ ...assignRole, roleId: 'role-9' })).toBe('role-not-found');
  });

  it('given a custom role of another tenant, then role-of-other-tenant', () => {
    const roles = [{ roleId: 'role-1', tenantId: 'tenant-2' }];
    expect(codeOf(assignRole, assignmentContext({ roles }))).toBe('role-of-other-tenant');
  });

  it('given an unknown tenant, then tenant-not-found', () => {
    expect(codeOf({ ...assignRole, tenantId: 'tenant-9' })).toBe('tenant-not-found');
  });

  it('given an unknown folder, then folder-not-found', () => {
    expect(
      assignmentErrorOf(givenAssignment().when({ ...assignRole, folderId: 'folder-9' })),
    ).toMatchObject({
      code: 'folder-not-found',
      field: 'folderId',
    });
  });

  it('given the same live assignment under another id, then assignment-exists naming it', () => {
    const existing = [{ assignmentId: 'asg-0', ...view }];
    expect(
      assignmentErrorOf(givenAssignment().when(assignRole, assignmentContext({ existing }))),
    ).toEqual({
      code: 'assignment-exists',
      message: 'the principal has this role here already (assignment asg-0)',
    });
  });

  it('given the same principal and role on another folder, then it is a new assignment', () => {
    const existing = [{ assignmentId: 'asg-0', ...view, folderId: null }];
    const decision = givenAssignment().when(assignRole, assignmentContext({ existing }));
    expect(decision.ok).toBe(true);
  });

  it('given an existing stream, when assigned again under its id, then assignment-id-taken', () => {
    expect(assignmentErrorOf(givenAssignment(assignRole).when(assignRole))?.code).toBe(
      'assignment-id-taken',
    );
  });

  it('given a malformed assignment id, then assignment-id-taken', () => {
    expect(codeOf({ ...assignRole, assignmentId: 'a b' })).toBe('assignment-id-taken');
  });
});

describe('UnassignRole', () => {
  it.each([
    'unassigned',
    'app-deleted',
    'user-deleted',
    'folder-deleted',
    'role-deleted',
    'tenant-deleted',
  ] as const)(
    'given a live assignment, when unassigned for %s, then RoleUnassigned with that reason',
    (reason) => {
      expect(givenAssignment(assignRole).when(unassign(reason))).toEqual({
        ok: true,
        events: [
          {
            type: 'RoleUnassigned',
            data: { assignmentId: 'asg-1', reason, before: view, after: null },
          },
        ],
      });
    },
  );

  it('given an ended assignment, when unassigned again, then no event (idempotent)', () => {
    const decision = givenAssignment(assignRole, unassign()).when(unassign('app-deleted'));
    expect(decision).toEqual({ ok: true, events: [] });
  });

  it('given no assignment, then assignment-not-found', () => {
    expect(assignmentErrorOf(givenAssignment().when(unassign()))?.code).toBe(
      'assignment-not-found',
    );
  });

  it('given an ended assignment, when assigned under its id, then assignment-id-taken', () => {
    expect(assignmentErrorOf(givenAssignment(assignRole, unassign()).when(assignRole))?.code).toBe(
      'assignment-id-taken',
    );
  });
});
