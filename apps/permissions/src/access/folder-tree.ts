import { PermissionsChange } from './access-events';

/** A folder; `parent` null: directly under the tenant. */
export interface FolderNode {
  readonly id: string;
  name: string;
  parent: FolderNode | null;
}

export interface TenantNode {
  readonly id: string;
  name: string;
  readonly folders: Map<string, FolderNode>;
}

type TreeChange = Extract<
  PermissionsChange,
  { type: `Tenant${string}` } | { type: `Folder${string}` }
>;

export type TreeOutcome = 'applied' | 'inconsistent';

/**
 * Tenants and their folder trees. A tenant's folder events share its stream, so they arrive in
 * order: a parent always exists before its children. Ancestors are found by following `parent`
 * (trees are a few levels deep), which keeps a move to a single pointer change.
 */
export class FolderTree {
  private readonly tenants = new Map<string, TenantNode>();

  tenant(tenantId: string): TenantNode | undefined {
    return this.tenants.get(tenantId);
  }

  folder(tenantId: string, folderId: string): FolderNode | undefined {
    return this.tenants.get(tenantId)?.folders.get(folderId);
  }

  get tenantCount(): number {
    return this.tenants.size;
  }

  /** 'inconsistent': the event names a tenant or folder this tree does not hold, or makes a cycle. */
  apply(event: TreeChange): TreeOutcome {
    if (event.type === 'TenantCreated') {
      const { tenantId, after } = event.data;
      this.tenants.set(tenantId, { id: tenantId, name: after.name, folders: new Map() });
      return 'applied';
    }
    const tenant = this.tenants.get(event.data.tenantId);
    if (!tenant) return 'inconsistent';
    return this.change(tenant, event);
  }

  private change(
    tenant: TenantNode,
    event: Exclude<TreeChange, { type: 'TenantCreated' }>,
  ): TreeOutcome {
    switch (event.type) {
      case 'TenantRenamed':
        tenant.name = event.data.after.name;
        return 'applied';
      case 'TenantDeleted':
        // Its folders go with it; its assignments end by RoleUnassigned events of their own.
        this.tenants.delete(tenant.id);
        return 'applied';
      case 'FolderCreated':
        return this.create(tenant, event.data.folderId, event.data.after);
      case 'FolderRenamed':
        return this.withFolder(
          tenant,
          event.data.folderId,
          (f) => (f.name = event.data.after.name),
        );
      case 'FolderMoved':
        return this.move(tenant, event.data.folderId, event.data.after.parentId);
      case 'FolderDeleted':
        for (const id of [event.data.folderId, ...event.data.descendantIds]) {
          tenant.folders.delete(id);
        }
        return 'applied';
      default: {
        const unexpected: never = event;
        throw new Error(`unexpected folder event ${JSON.stringify(unexpected)}`);
      }
    }
  }

  private create(
    tenant: TenantNode,
    folderId: string,
    view: { name: string; parentId: string | null },
  ): TreeOutcome {
    const parent = view.parentId === null ? null : tenant.folders.get(view.parentId);
    if (parent === undefined) return 'inconsistent';
    tenant.folders.set(folderId, { id: folderId, name: view.name, parent });
    return 'applied';
  }

  private move(tenant: TenantNode, folderId: string, parentId: string | null): TreeOutcome {
    const folder = tenant.folders.get(folderId);
    const parent = parentId === null ? null : tenant.folders.get(parentId);
    if (!folder || parent === undefined) return 'inconsistent';
    // The write side refuses such a move; a cycle here would make every ancestor walk endless.
    for (let at = parent; at; at = at.parent) if (at === folder) return 'inconsistent';
    folder.parent = parent;
    return 'applied';
  }

  private withFolder(tenant: TenantNode, id: string, change: (f: FolderNode) => void): TreeOutcome {
    const folder = tenant.folders.get(id);
    if (!folder) return 'inconsistent';
    change(folder);
    return 'applied';
  }
}
