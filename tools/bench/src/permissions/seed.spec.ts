import { EventRegistry, permissionsEvents, registrationEvents } from '@extapps/contracts';
import { CATALOG } from './catalog';
import { buildSeed, depthOf } from './seed';

const shape = {
  tenants: 3,
  folders: 100,
  fanout: 4,
  customRolesPerTenant: 2,
  apps: 20,
  assignments: 200,
  queries: 50,
};

describe('buildSeed', () => {
  const seed = buildSeed(shape);
  const ofType = (type: string) => seed.permissions.filter((e) => e.type === type);

  it('given a shape, then it makes that many tenants, folders, roles, apps and assignments', () => {
    expect(ofType('TenantCreated')).toHaveLength(3);
    expect(ofType('FolderCreated')).toHaveLength(100);
    expect(ofType('RoleCreated')).toHaveLength(6);
    expect(ofType('RoleAssigned')).toHaveLength(200);
    expect(seed.registration).toHaveLength(20);
    expect(seed.queries).toHaveLength(50);
  });

  it('given the contracts, then every event is valid and numbered per stream from 1', () => {
    const registry = new EventRegistry([...permissionsEvents, ...registrationEvents]);
    const versions = new Map<string, number>();

    for (const event of [...seed.permissions, ...seed.registration]) {
      expect(() => registry.parse(event)).not.toThrow();
      const expected = (versions.get(event.streamId) ?? 0) + 1;
      expect(event.streamVersion).toBe(expected);
      versions.set(event.streamId, expected);
    }
  });

  it('given folders, then each parent exists before its children, trees a few levels deep', () => {
    const known = new Set<string | null>([null]);
    for (const event of ofType('FolderCreated')) {
      const data = event.data as { folderId: string; after: { parentId: string | null } };
      expect(known.has(data.after.parentId)).toBe(true);
      known.add(data.folderId);
    }
    expect(seed.maxDepth).toBe(3);
  });

  it('given the queries, then they name known apps, tenants, folders and catalog permissions', () => {
    const apps = new Set(seed.registration.map((e) => e.streamId));
    const tenants = new Set(ofType('TenantCreated').map((e) => e.streamId));
    const folders = new Set(
      ofType('FolderCreated').map((e) => (e.data as { folderId: string }).folderId),
    );

    for (const query of seed.queries) {
      expect(apps.has(query.principal.id)).toBe(true);
      expect(tenants.has(query.tenant)).toBe(true);
      if (query.folder !== undefined) expect(folders.has(query.folder)).toBe(true);
      expect(CATALOG).toContain(query.permission);
    }
  });
});

describe('depthOf', () => {
  it('given a tree 3 wide, then roots are at depth 1 and their children at 2', () => {
    expect([0, 2, 3, 11, 12, 38, 39].map((i) => depthOf(i, 3))).toEqual([1, 1, 2, 2, 3, 3, 4]);
  });
});
