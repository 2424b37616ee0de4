import { PermissionsChange } from './access-events';
import { PermissionInterner, PermissionSet } from './permission-sets';

/** A built-in role as configured: not in any event stream, the same in every tenant. */
export interface BuiltInRoleDefinition {
  readonly name: string;
  readonly permissions: readonly string[];
}

/** `permissions` is replaced, never mutated: every assignment sees a role's change at once. */
export interface RoleEntry {
  readonly id: string;
  name: string;
  permissions: PermissionSet;
  /** Null for a built-in role (valid in every tenant). */
  readonly tenantId: string | null;
}

type RoleChange = Extract<PermissionsChange, { type: `Role${'Created' | 'Changed' | 'Deleted'}` }>;

/** Built-in and custom roles by id. Assignments name roles by id and look them up per check. */
export class RoleTable {
  private readonly roles = new Map<string, RoleEntry>();

  constructor(
    private readonly permissions: PermissionInterner,
    builtIns: ReadonlyMap<string, BuiltInRoleDefinition>,
  ) {
    for (const [id, role] of builtIns) {
      this.roles.set(id, {
        id,
        name: role.name,
        permissions: permissions.setOf(role.permissions),
        tenantId: null,
      });
    }
  }

  get(roleId: string): RoleEntry | undefined {
    return this.roles.get(roleId);
  }

  /** False when the event names a role this table does not hold. */
  apply(event: RoleChange): boolean {
    const { roleId, tenantId } = event.data;
    const role = this.roles.get(roleId);
    switch (event.type) {
      case 'RoleCreated':
        this.roles.set(roleId, {
          id: roleId,
          name: event.data.after.name,
          permissions: this.permissions.setOf(event.data.after.permissions),
          tenantId,
        });
        return true;
      case 'RoleChanged':
        if (!role) return false;
        role.name = event.data.after.name;
        role.permissions = this.permissions.setOf(event.data.after.permissions);
        return true;
      case 'RoleDeleted':
        // Its assignments end by RoleUnassigned events; until then they grant nothing. A custom
        // role is also deleted after its tenant, which dropped it already: not an inconsistency.
        this.roles.delete(roleId);
        return true;
      default: {
        const unexpected: never = event;
        throw new Error(`unexpected role event ${JSON.stringify(unexpected)}`);
      }
    }
  }

  /** A deleted tenant's custom roles end with it (no event of their own says so). */
  dropTenant(tenantId: string): void {
    for (const [id, role] of this.roles) if (role.tenantId === tenantId) this.roles.delete(id);
  }
}
