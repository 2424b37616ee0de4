import { Principal } from '@extapps/contracts';
import { AccessDecision, AccessQuery } from './access-decision';
import { AccessState, checkAccess } from './access-check';
import {
  AccessChange,
  PERMISSIONS_EVENT_TYPES,
  PermissionsChange,
  REGISTRATION_EVENT_TYPES,
  RegistrationChange,
  USER_EVENT_TYPES,
  UserDirectoryChange,
} from './access-events';
import { AssignmentTable } from './assignment-table';
import { effectivePermissions, EffectivePermissions } from './effective-permissions';
import { FolderTree } from './folder-tree';
import { PermissionInterner } from './permission-sets';
import { PermissionsProjection } from './permissions-projection';
import {
  AccessProjection,
  AssignmentLookup,
  AssignmentRef,
  FolderLookup,
  PrincipalDirectory,
  PrincipalStanding,
} from './ports';
import { PrincipalTable } from './principals';
import { BuiltInRoleDefinition, RoleTable } from './role-table';

export interface AccessIndexOptions {
  /** The permissions a check may ask about (configuration). */
  readonly catalog: Iterable<string>;
  /** Built-in roles by role id: they have no events. */
  readonly builtInRoles: ReadonlyMap<string, BuiltInRoleDefinition>;
  /** Told of an event naming something the index does not hold (applied as far as possible). */
  readonly onInconsistent?: (event: EnvelopePart) => void;
}

export type EnvelopePart = Parameters<AccessProjection['apply']>[0];

/**
 * - applied: the index changed (or recorded the stream's new version);
 * - duplicate: at or below the stream's last applied version;
 * - held: ahead of its stream, waiting for the versions before it (see StreamSequencer);
 * - ignored: an event type the index does not follow, or of an app or user it never saw created.
 */
export type ApplyOutcome = 'applied' | 'duplicate' | 'held' | 'ignored';

/**
 * The in-memory access index: tenants, folder trees, roles, assignments and principals, kept from
 * the permissions, registration and token topics, answering checks without I/O. Framework-free;
 * AccessFeed keeps it in step with Kafka. Callers pass validated events: the feed parses them
 * and the write side applies only what its deciders produced.
 */
export class AccessIndex
  implements PrincipalDirectory, AssignmentLookup, FolderLookup, AccessProjection
{
  private readonly state: AccessState;
  private readonly assignments: AssignmentTable;
  private readonly permissionsEvents: PermissionsProjection;

  constructor(options: AccessIndexOptions) {
    const permissions = new PermissionInterner(options.catalog);
    const principals = new PrincipalTable();
    this.state = {
      permissions,
      principals,
      tree: new FolderTree(),
      roles: new RoleTable(permissions, options.builtInRoles),
    };
    const { tree, roles } = this.state;
    this.assignments = new AssignmentTable(principals, {
      tenantId: (id) => tree.tenant(id)?.id ?? id,
      folderId: (tenantId, id) => tree.folder(tenantId, id)?.id ?? id,
      roleId: (id) => roles.get(id)?.id ?? id,
    });
    this.permissionsEvents = new PermissionsProjection(
      { tree, roles, assignments: this.assignments },
      options.onInconsistent,
    );
  }

  check(query: AccessQuery): AccessDecision {
    return checkAccess(this.state, query);
  }

  effectivePermissions(query: Omit<AccessQuery, 'permission'>): EffectivePermissions {
    return effectivePermissions(this.state, query);
  }

  /** Counts for start-up logs and the benchmark. */
  stats(): { tenants: number; assignments: number; heldEvents: number } {
    return {
      tenants: this.state.tree.tenantCount,
      assignments: this.assignments.size,
      heldEvents: this.permissionsEvents.waiting,
    };
  }

  apply(envelope: EnvelopePart): ApplyOutcome {
    // Sound: the type names of the three topics' contracts are distinct, and callers pass
    // validated events (see the class comment).
    const event = envelope as AccessChange;
    const { type } = envelope;
    if (PERMISSIONS_EVENT_TYPES.has(type)) {
      return this.permissionsEvents.offer(event as PermissionsChange);
    }
    if (REGISTRATION_EVENT_TYPES.has(type)) {
      return this.state.principals.applyApp(event as RegistrationChange);
    }
    if (USER_EVENT_TYPES.has(type)) {
      return this.state.principals.applyUser(event as UserDirectoryChange);
    }
    return 'ignored';
  }

  lookup(principal: Principal): PrincipalStanding {
    return (
      this.state.principals.get(principal.type, principal.id)?.standing() ?? { kind: 'unknown' }
    );
  }

  byPrincipal(principal: Principal): readonly AssignmentRef[] {
    return this.state.principals.get(principal.type, principal.id)?.assignments.all() ?? [];
  }

  onFolders(tenantId: string, folderIds: readonly string[]): readonly AssignmentRef[] {
    return folderIds.flatMap((folderId) => [...this.assignments.onPlace(tenantId, folderId)]);
  }

  inTenant(tenantId: string): readonly AssignmentRef[] {
    return this.assignments.inTenant(tenantId);
  }

  ofRole(roleId: string): readonly AssignmentRef[] {
    return this.assignments.ofRole(roleId);
  }

  find(
    principal: Principal,
    roleId: string,
    tenantId: string,
    folderId: string | null,
  ): AssignmentRef | undefined {
    const entry = this.state.principals.get(principal.type, principal.id);
    return entry?.assignments
      .inTenant(tenantId)
      ?.items.find((a) => a.roleId === roleId && a.folderId === folderId);
  }

  tenantExists(tenantId: string): boolean {
    return this.state.tree.tenant(tenantId) !== undefined;
  }

  folderExists(tenantId: string, folderId: string): boolean {
    return this.state.tree.folder(tenantId, folderId) !== undefined;
  }
}
