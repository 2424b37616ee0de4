import { Principal } from '@extapps/contracts';
import { SCAN_LIMIT } from './principal-assignments';
import { AccessEvents } from './testing/access-events';
import { givenIndex, VIEWER } from './testing/given-index';

const APP: Principal = { type: 'app', id: 'app-1' };
const USER: Principal = { type: 'user', id: 'user-1' };

/** Tenant t1: f1 > f2 > f3, and f4 beside f1; app-1 and user-1 exist; role jobs of t1. */
function world() {
  const e = new AccessEvents();
  const base = [
    e.tenantCreated('t1'),
    e.folderCreated('t1', 'f1'),
    e.folderCreated('t1', 'f2', 'f1'),
    e.folderCreated('t1', 'f3', 'f2'),
    e.folderCreated('t1', 'f4'),
    e.appRegistered('app-1'),
    e.userCreated('user-1'),
    e.roleCreated('jobs', 't1', ['Jobs.View', 'Jobs.Create'], 'Job runner'),
  ];
  return { e, base };
}

describe('checkAccess', () => {
  it('given a role on a folder, then it is granted there and in every sub-folder, by that assignment', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f1' }),
    );

    for (const folderId of ['f1', 'f2', 'f3']) {
      expect(
        index.check({ principal: APP, permission: 'Jobs.Create', tenantId: 't1', folderId }),
      ).toEqual({
        allowed: true,
        grantedBy: {
          assignmentId: 'a1',
          roleId: 'jobs',
          roleName: 'Job runner',
          tenantId: 't1',
          folderId: 'f1',
        },
      });
    }
  });

  it('given a role on a folder, then it is not granted beside it, above it or on the tenant', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f2' }),
    );
    const at = (folderId?: string) =>
      index.check({ principal: APP, permission: 'Jobs.View', tenantId: 't1', folderId });

    expect(at('f4')).toMatchObject({ allowed: false, reason: { code: 'not-granted' } });
    expect(at('f1')).toMatchObject({ allowed: false, reason: { code: 'not-granted' } });
    expect(at()).toMatchObject({ allowed: false, reason: { code: 'not-granted' } });
  });

  it('given a tenant-wide assignment, then it applies on the tenant and in every folder', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.assigned('a1', { principal: USER, roleId: VIEWER, tenantId: 't1', folderId: null }),
    );
    const at = (folderId?: string) =>
      index.check({ principal: USER, permission: 'Assets.View', tenantId: 't1', folderId });

    for (const decision of [at(), at('f3'), at('f4')]) {
      expect(decision).toMatchObject({
        allowed: true,
        grantedBy: { assignmentId: 'a1', roleId: VIEWER, roleName: 'Viewer', folderId: null },
      });
    }
  });

  it('given grants on a folder and on its ancestor, then the nearest one is named', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.assigned('far', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f1' }),
      e.assigned('near', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f2' }),
      e.assigned('wide', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: null }),
    );

    const decision = index.check({
      principal: APP,
      permission: 'Jobs.View',
      tenantId: 't1',
      folderId: 'f3',
    });

    expect(decision).toMatchObject({ allowed: true, grantedBy: { assignmentId: 'near' } });
  });

  it('given a role without the permission, then it is not granted', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: null }),
    );

    expect(
      index.check({ principal: APP, permission: 'Queues.Edit', tenantId: 't1', folderId: 'f1' }),
    ).toMatchObject({ allowed: false, reason: { code: 'not-granted' } });
  });

  it.each([
    ['unknown-principal', { principal: { type: 'app', id: 'nobody' } }],
    ['unknown-principal', { principal: { type: 'user', id: 'app-1' } }],
    ['unknown-tenant', { tenantId: 't9' }],
    ['unknown-folder', { folderId: 'f9' }],
    ['unknown-permission', { permission: 'Robots.Start' }],
  ] as const)(
    'given a query naming what does not exist, then it is refused as %s',
    (code, change) => {
      const { e, base } = world();
      const index = givenIndex(
        ...base,
        e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: null }),
      );
      const query = { principal: APP, permission: 'Jobs.View', tenantId: 't1', folderId: 'f1' };

      const decision = index.check({ ...query, ...change });

      expect(decision).toEqual({
        allowed: false,
        reason: { code, message: expect.stringMatching(/\w+/) },
      });
    },
  );

  it('given a folder of another tenant, then it is an unknown folder in this one', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.tenantCreated('t2'), e.folderCreated('t2', 'g1'));

    expect(
      index.check({ principal: APP, permission: 'Jobs.View', tenantId: 't1', folderId: 'g1' }),
    ).toMatchObject({ allowed: false, reason: { code: 'unknown-folder' } });
  });

  it('given a custom role of another tenant assigned here, then it grants nothing', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.tenantCreated('t2'),
      e.roleCreated('other', 't2', ['Jobs.View']),
      e.assigned('a1', { principal: APP, roleId: 'other', tenantId: 't1', folderId: null }),
    );

    expect(index.check({ principal: APP, permission: 'Jobs.View', tenantId: 't1' })).toMatchObject({
      allowed: false,
      reason: { code: 'not-granted' },
    });
  });

  it('given more assignments in the tenant than a scan handles, then lookups by place agree', () => {
    const { e, base } = world();
    const many = Array.from({ length: SCAN_LIMIT + 4 }, (_, i) => [
      e.folderCreated('t1', `m${i}`, 'f4'),
      e.assigned(`m${i}`, { principal: APP, roleId: VIEWER, tenantId: 't1', folderId: `m${i}` }),
    ]).flat();
    const index = givenIndex(
      ...base,
      ...many,
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f2' }),
    );
    const check = (permission: string, folderId: string) =>
      index.check({ principal: APP, permission, tenantId: 't1', folderId });

    expect(check('Jobs.Create', 'f3')).toMatchObject({ grantedBy: { assignmentId: 'a1' } });
    expect(check('Assets.View', 'm7')).toMatchObject({ grantedBy: { assignmentId: 'm7' } });
    index.apply(e.unassigned('m7'));
    expect(check('Assets.View', 'm7')).toMatchObject({ reason: { code: 'not-granted' } });
    expect(check('Assets.View', 'm8')).toMatchObject({ grantedBy: { assignmentId: 'm8' } });
  });

  it('given a refusal, then the same frozen answer is returned every time', () => {
    const index = givenIndex();
    const query = { principal: APP, permission: 'Jobs.View', tenantId: 't1' };

    expect(index.check(query)).toBe(index.check(query));
    expect(Object.isFrozen(index.check(query))).toBe(true);
  });
});
