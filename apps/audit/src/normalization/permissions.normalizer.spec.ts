import {
  FolderCreated,
  FolderDeleted,
  FolderMoved,
  FolderRenamed,
  PermissionsEvent,
  RoleAssigned,
  RoleChanged,
  RoleCreated,
  RoleDeleted,
  RoleUnassigned,
  TenantCreated,
  TenantDeleted,
  TenantRenamed,
  Topics,
} from '@extapps/contracts';
import { normalizePermissionsEvent } from './permissions.normalizer';
import { admin, eventOf, RECORDED_AT } from './testing/audit-events';

const normalize = (event: PermissionsEvent) =>
  normalizePermissionsEvent(event, { source: Topics.permissionsEvents, recordedAt: RECORDED_AT });
const onTenant = { streamId: 't-1' };
const folder = (name: string, parentId: string | null = null) => ({ name, parentId });
const role = (permissions: string[]) => ({ name: 'Job runner', permissions });
const assignment = {
  principal: { type: 'app' as const, id: 'app-1' },
  roleId: 'r-1',
  tenantId: 't-1',
  folderId: 'f-1',
};

describe('normalizePermissionsEvent', () => {
  it('TenantCreated: the tenant after, by whom, in the permissions category', () => {
    const event = eventOf(
      TenantCreated,
      { tenantId: 't-1', before: null, after: { name: 'Acme' } },
      onTenant,
    );

    expect(normalize(event)).toStrictEqual({
      eventId: event.eventId,
      eventType: 'TenantCreated',
      source: 'extapps.permissions.events.v1',
      occurredAt: '2026-05-04T10:00:00.000Z',
      recordedAt: '2026-05-04T10:00:00.250Z',
      actor: { type: 'user', id: admin.id, displayName: 'Ada Admin' },
      action: 'tenant.created',
      category: 'permissions',
      target: { type: 'tenant', id: 't-1', name: 'Acme' },
      outcome: { status: 'success', reason: null },
      sourceIp: '203.0.113.9',
      userAgent: 'curl/8.5',
      correlationId: 'corr-1',
      changes: { before: null, after: { name: 'Acme' } },
    });
  });

  it('TenantRenamed: the name before and after, the new one on the target', () => {
    const data = { tenantId: 't-1', before: { name: 'Acme' }, after: { name: 'Acme Inc' } };

    expect(normalize(eventOf(TenantRenamed, data, onTenant))).toMatchObject({
      action: 'tenant.renamed',
      target: { type: 'tenant', id: 't-1', name: 'Acme Inc' },
      changes: { before: { name: 'Acme' }, after: { name: 'Acme Inc' } },
    });
  });

  it('TenantDeleted: the tenant before, nothing after, its last name on the target', () => {
    const data = { tenantId: 't-1', before: { name: 'Acme' }, after: null };

    expect(normalize(eventOf(TenantDeleted, data, onTenant))).toMatchObject({
      action: 'tenant.deleted',
      target: { type: 'tenant', id: 't-1', name: 'Acme' },
      changes: { before: { name: 'Acme' }, after: null },
    });
  });

  it('FolderCreated: the folder and its parent after', () => {
    const data = { tenantId: 't-1', folderId: 'f-2', before: null, after: folder('Ops', 'f-1') };

    expect(normalize(eventOf(FolderCreated, data, onTenant))).toMatchObject({
      action: 'folder.created',
      target: { type: 'folder', id: 'f-2', name: 'Ops' },
      changes: { before: null, after: { name: 'Ops', parentId: 'f-1' } },
    });
  });

  it('FolderRenamed: the name before and after', () => {
    const data = { tenantId: 't-1', folderId: 'f-2', before: folder('Ops'), after: folder('Run') };

    expect(normalize(eventOf(FolderRenamed, data, onTenant))).toMatchObject({
      action: 'folder.renamed',
      target: { type: 'folder', id: 'f-2', name: 'Run' },
      changes: { before: folder('Ops'), after: folder('Run') },
    });
  });

  it('FolderMoved: the parent before and after', () => {
    const data = {
      tenantId: 't-1',
      folderId: 'f-2',
      before: folder('Ops', 'f-1'),
      after: folder('Ops', 'f-3'),
    };

    expect(normalize(eventOf(FolderMoved, data, onTenant))).toMatchObject({
      action: 'folder.moved',
      target: { type: 'folder', id: 'f-2', name: 'Ops' },
      changes: { before: { parentId: 'f-1' }, after: { parentId: 'f-3' } },
    });
  });

  it('FolderDeleted: the folder before with the sub-folders deleted with it', () => {
    const data = {
      tenantId: 't-1',
      folderId: 'f-2',
      descendantIds: ['f-4', 'f-5'],
      before: folder('Ops', 'f-1'),
      after: null,
    };

    expect(normalize(eventOf(FolderDeleted, data, onTenant))).toMatchObject({
      action: 'folder.deleted',
      target: { type: 'folder', id: 'f-2', name: 'Ops' },
      changes: {
        before: { name: 'Ops', parentId: 'f-1', descendantIds: ['f-4', 'f-5'] },
        after: null,
      },
    });
  });

  it('RoleCreated: the role and its permissions after', () => {
    const data = { roleId: 'r-1', tenantId: 't-1', before: null, after: role(['Jobs.View']) };

    expect(normalize(eventOf(RoleCreated, data, { streamId: 'r-1' }))).toMatchObject({
      action: 'role.created',
      target: { type: 'role', id: 'r-1', name: 'Job runner' },
      changes: { before: null, after: role(['Jobs.View']) },
    });
  });

  it('RoleChanged: the permissions before and after', () => {
    const data = {
      roleId: 'r-1',
      tenantId: 't-1',
      before: role(['Jobs.View']),
      after: role(['Jobs.View', 'Jobs.Create']),
    };

    expect(normalize(eventOf(RoleChanged, data, { streamId: 'r-1' }))).toMatchObject({
      action: 'role.changed',
      changes: { before: role(['Jobs.View']), after: role(['Jobs.View', 'Jobs.Create']) },
    });
  });

  it('RoleDeleted: the role before, nothing after', () => {
    const data = { roleId: 'r-1', tenantId: 't-1', before: role(['Jobs.View']), after: null };

    expect(normalize(eventOf(RoleDeleted, data, { streamId: 'r-1' }))).toMatchObject({
      action: 'role.deleted',
      target: { type: 'role', id: 'r-1', name: 'Job runner' },
      changes: { before: role(['Jobs.View']), after: null },
    });
  });

  it('RoleAssigned: the principal is the target, the assignment after', () => {
    const data = { assignmentId: 'a-1', before: null, after: assignment };

    expect(normalize(eventOf(RoleAssigned, data, { streamId: 'a-1' }))).toMatchObject({
      action: 'role.assigned',
      category: 'permissions',
      target: { type: 'app', id: 'app-1', name: null },
      changes: { before: null, after: assignment },
    });
  });

  it('RoleUnassigned: the assignment before, nothing after, also for a user principal', () => {
    const before = { ...assignment, principal: { type: 'user' as const, id: 'u-1' } };
    const data = { assignmentId: 'a-1', reason: 'role-deleted' as const, before, after: null };

    expect(normalize(eventOf(RoleUnassigned, data, { streamId: 'a-1' }))).toMatchObject({
      action: 'role.unassigned',
      target: { type: 'user', id: 'u-1' },
      changes: { before, after: null },
    });
  });
});
