import { TenantEventPayload } from './tenant.errors';
import {
  decodeTenant,
  encodeTenant,
  evolveTenant,
  foldTenant,
  initialTenantState,
  rebuildTenant,
  TenantState,
} from './tenant.state';
import { foldersOf, tree } from './testing/fixtures';

const t = { tenantId: 't-1' };
const created: TenantEventPayload = {
  type: 'TenantCreated',
  data: { ...t, before: null, after: { name: 'Acme' } },
};
const node = (name: string, parentId: string | null) => ({ name, parentId });
const folderEvent = (
  type: 'FolderCreated' | 'FolderRenamed' | 'FolderMoved',
  folderId: string,
  after: { name: string; parentId: string | null },
): TenantEventPayload =>
  type === 'FolderCreated'
    ? { type, data: { ...t, folderId, before: null, after } }
    : { type, data: { ...t, folderId, before: after, after } };

describe('tenant state (evolve)', () => {
  const acme = rebuildTenant([created]);

  it('TenantCreated: an active tenant with its name and no folders', () => {
    expect(acme).toEqual({ status: 'active', tenantId: 't-1', name: 'Acme', folders: new Map() });
  });

  it('TenantRenamed: the new name', () => {
    const state = evolveTenant(acme, {
      type: 'TenantRenamed',
      data: { ...t, before: { name: 'Acme' }, after: { name: 'Globex' } },
    });

    expect(state).toMatchObject({ name: 'Globex' });
  });

  it('TenantDeleted: deleted, its folders gone with it', () => {
    const state = evolveTenant(tree().state, {
      type: 'TenantDeleted',
      data: { ...t, before: { name: 'Acme' }, after: null },
    });

    expect(state).toMatchObject({ status: 'deleted', name: 'Acme' });
    expect(foldersOf(state)).toEqual({});
  });

  it('FolderCreated, FolderRenamed, FolderMoved: the folder as the event leaves it', () => {
    const state = foldTenant(acme, [
      folderEvent('FolderCreated', 'a', node('A', null)),
      folderEvent('FolderCreated', 'b', node('B', null)),
      folderEvent('FolderRenamed', 'a', node('Alpha', null)),
      folderEvent('FolderMoved', 'b', node('Beta', 'a')),
    ]);

    expect(foldersOf(state)).toEqual({ a: node('Alpha', null), b: node('Beta', 'a') });
  });

  it('FolderDeleted: the folder and every descendant it names', () => {
    const state = evolveTenant(tree().state, {
      type: 'FolderDeleted',
      data: {
        ...t,
        folderId: 'a',
        descendantIds: ['b', 'c'],
        before: node('A', null),
        after: null,
      },
    });

    expect(Object.keys(foldersOf(state))).toEqual(['d']);
  });

  it('events of roles and assignments leave the tenant as it is', () => {
    const role = { name: 'R', permissions: ['Jobs.View'] };
    const assignment = {
      principal: { type: 'app' as const, id: 'app-1' },
      roleId: 'r-1',
      tenantId: 't-1',
      folderId: null,
    };
    const others: TenantEventPayload[] = [
      { type: 'RoleCreated', data: { roleId: 'r-1', ...t, before: null, after: role } },
      { type: 'RoleChanged', data: { roleId: 'r-1', ...t, before: role, after: role } },
      { type: 'RoleDeleted', data: { roleId: 'r-1', ...t, before: role, after: null } },
      { type: 'RoleAssigned', data: { assignmentId: 'x-1', before: null, after: assignment } },
      {
        type: 'RoleUnassigned',
        data: { assignmentId: 'x-1', reason: 'unassigned', before: assignment, after: null },
      },
    ];

    expect(foldTenant(acme, others)).toEqual(acme);
    expect(foldTenant(initialTenantState, others)).toEqual(initialTenantState);
  });

  it('folding never changes the given state', () => {
    const before = tree().state;
    const copy = foldersOf(before);

    foldTenant(before, [folderEvent('FolderCreated', 'z', node('Z', null))]);
    expect(foldersOf(before)).toEqual(copy);
  });

  it('a fold of many events equals evolving one by one', () => {
    const { events } = tree();

    expect(foldTenant(initialTenantState, events)).toEqual(
      events.reduce<TenantState>(evolveTenant, initialTenantState),
    );
  });

  it('snapshots round-trip, with ids that could not be BSON keys', () => {
    const state = foldTenant(acme, [folderEvent('FolderCreated', 'a.b', node('Dotted', null))]);

    expect(decodeTenant(JSON.parse(JSON.stringify(encodeTenant(state))))).toEqual(state);
    expect(decodeTenant(encodeTenant(initialTenantState))).toEqual(initialTenantState);
  });

  it('folds 10,000 folder events in well under a second (linear, not quadratic)', () => {
    const events = Array.from({ length: 10_000 }, (_, i) =>
      folderEvent('FolderCreated', `f${i}`, node(`F${i}`, i === 0 ? null : `f${i - 1}`)),
    );

    const started = performance.now();
    const state = foldTenant(acme, events);

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(state.status === 'active' && state.folders.size).toBe(10_000);
  });
});
