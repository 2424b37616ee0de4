import {
  Actor,
  createEnvelope,
  EventDefinition,
  EventEnvelope,
  ExternalAppDeleted,
  ExternalAppDisabled,
  ExternalAppEnabled,
  ExternalAppRegistered,
  FolderCreated,
  FolderDeleted,
  FolderMoved,
  FolderRenamed,
  Principal,
  RoleAssigned,
  RoleChanged,
  RoleCreated,
  RoleDeleted,
  RoleUnassigned,
  ScopesChanged,
  TenantCreated,
  TenantDeleted,
  TenantRenamed,
  UnassignReason,
  UserCreated,
  UserDeleted,
  UserDisabled,
  UserEnabled,
  UserLockedOut,
} from '@extapps/contracts';

const ACTOR: Actor = { type: 'user', id: 'admin-1', displayName: 'Admin' };
const SCOPES = [{ resource: 'OrchestratorApi', scope: 'OR.Jobs' }];
const SECRET_HASH = `sha256:${'A'.repeat(43)}`;
type Folder = { name: string; parentId: string | null };
type Assignment = {
  principal: Principal;
  roleId: string;
  tenantId: string;
  folderId: string | null;
};

/**
 * Contract-valid envelopes of the three topics the index reads, each stream numbered 1, 2, ... in
 * the order they are made. Data is parsed by its definition, so a fixture cannot drift from the
 * contract. Names and views are remembered so before/after come out right.
 */
export class AccessEvents {
  private readonly versions = new Map<string, number>();
  private readonly folders = new Map<string, Folder>();
  private readonly assignments = new Map<string, Assignment>();
  private readonly roles = new Map<string, { name: string; permissions: string[] }>();

  tenantCreated(tenantId: string, name = `Tenant ${tenantId}`) {
    return this.make(TenantCreated, tenantId, { tenantId, before: null, after: { name } });
  }
  tenantRenamed(tenantId: string, name: string) {
    const before = { name: `Tenant ${tenantId}` };
    return this.make(TenantRenamed, tenantId, { tenantId, before, after: { name } });
  }
  tenantDeleted(tenantId: string) {
    const before = { name: `Tenant ${tenantId}` };
    return this.make(TenantDeleted, tenantId, { tenantId, before, after: null });
  }

  folderCreated(tenantId: string, folderId: string, parentId: string | null = null) {
    const after = { name: `Folder ${folderId}`, parentId };
    this.folders.set(folderId, after);
    return this.make(FolderCreated, tenantId, { tenantId, folderId, before: null, after });
  }
  folderRenamed(tenantId: string, folderId: string, name: string) {
    const before = this.folder(folderId);
    const after = { ...before, name };
    this.folders.set(folderId, after);
    return this.make(FolderRenamed, tenantId, { tenantId, folderId, before, after });
  }
  folderMoved(tenantId: string, folderId: string, parentId: string | null) {
    const before = this.folder(folderId);
    const after = { ...before, parentId };
    this.folders.set(folderId, after);
    return this.make(FolderMoved, tenantId, { tenantId, folderId, before, after });
  }
  folderDeleted(tenantId: string, folderId: string, descendantIds: string[] = []) {
    const before = this.folder(folderId);
    const data = { tenantId, folderId, descendantIds, before, after: null };
    return this.make(FolderDeleted, tenantId, data);
  }

  roleCreated(roleId: string, tenantId: string, permissions: string[], name = `Role ${roleId}`) {
    const after = { name, permissions };
    this.roles.set(roleId, after);
    return this.make(RoleCreated, roleId, { roleId, tenantId, before: null, after });
  }
  roleChanged(roleId: string, tenantId: string, permissions: string[], name?: string) {
    const before = this.role(roleId);
    const after = { name: name ?? before.name, permissions };
    this.roles.set(roleId, after);
    return this.make(RoleChanged, roleId, { roleId, tenantId, before, after });
  }
  roleDeleted(roleId: string, tenantId: string) {
    const before = this.role(roleId);
    return this.make(RoleDeleted, roleId, { roleId, tenantId, before, after: null });
  }

  assigned(assignmentId: string, after: Assignment) {
    this.assignments.set(assignmentId, after);
    return this.make(RoleAssigned, assignmentId, { assignmentId, before: null, after });
  }
  unassigned(assignmentId: string, reason: UnassignReason = 'unassigned') {
    const before = this.assignments.get(assignmentId);
    if (!before) throw new Error(`fixture: no assignment ${assignmentId}`);
    return this.make(RoleUnassigned, assignmentId, { assignmentId, reason, before, after: null });
  }

  appRegistered(appId: string, options: { confidential?: boolean; scopes?: boolean } = {}) {
    const confidential = options.confidential ?? true;
    return this.make(ExternalAppRegistered, appId, {
      appId,
      name: `App ${appId}`,
      type: confidential ? 'confidential' : 'non-confidential',
      redirectUris: [],
      userScopes: [],
      applicationScopes: confidential && (options.scopes ?? true) ? SCOPES : [],
      firstSecret: confidential ? secret() : null,
    });
  }
  appScopesChanged(appId: string, applicationScopes: boolean) {
    const before = { userScopes: [], applicationScopes: applicationScopes ? [] : SCOPES };
    const after = { userScopes: [], applicationScopes: applicationScopes ? SCOPES : [] };
    return this.make(ScopesChanged, appId, { before, after });
  }
  appDisabled = (appId: string) => this.make(ExternalAppDisabled, appId, {});
  appEnabled = (appId: string) => this.make(ExternalAppEnabled, appId, {});
  appDeleted = (appId: string) => this.make(ExternalAppDeleted, appId, {});

  userCreated(userId: string) {
    const data = { userId, username: `user-${userId}`.toLowerCase(), displayName: 'A user' };
    return this.make(UserCreated, userId, data);
  }
  userDisabled = (userId: string) => this.make(UserDisabled, userId, {});
  userEnabled = (userId: string) => this.make(UserEnabled, userId, {});
  userDeleted = (userId: string) => this.make(UserDeleted, userId, {});
  userLockedOut = (userId: string) =>
    this.make(UserLockedOut, userId, { userId, until: '2030-01-01T00:00:00.000Z' });

  private make<T extends string, D extends Record<string, unknown>>(
    definition: EventDefinition<T, D>,
    streamId: string,
    data: D,
  ): EventEnvelope<T, D> {
    const streamVersion = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, streamVersion);
    return createEnvelope(definition, definition.data.parse(data), {
      streamId,
      streamVersion,
      occurredAt: new Date('2026-01-01T00:00:00.000Z'),
      actor: ACTOR,
      correlationId: `c-${streamId}-${streamVersion}`,
      causationId: null,
    });
  }

  private folder(folderId: string): Folder {
    const folder = this.folders.get(folderId);
    if (!folder) throw new Error(`fixture: no folder ${folderId}`);
    return folder;
  }

  private role(roleId: string) {
    const role = this.roles.get(roleId);
    if (!role) throw new Error(`fixture: no role ${roleId}`);
    return role;
  }
}

function secret() {
  const expiresAt = null;
  return {
    secretId: 'sec-1',
    hash: SECRET_HASH,
    hashAlgorithm: 'sha256' as const,
    description: '',
    expiresAt,
  };
}
