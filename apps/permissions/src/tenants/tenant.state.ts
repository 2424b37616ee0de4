import { PayloadOf, permissionsEvents } from '@extapps/contracts';

type PermissionsEventPayload = PayloadOf<(typeof permissionsEvents)[number]>;

export interface FolderNode {
  readonly name: string;
  /** Null: directly under the tenant. */
  readonly parentId: string | null;
}

export interface TenantInfo {
  readonly status: 'active' | 'deleted';
  readonly tenantId: string;
  readonly name: string;
  /** The whole tree, by folder id; a deleted tenant keeps none. */
  readonly folders: ReadonlyMap<string, FolderNode>;
}

/** A tenant and its folder tree: one aggregate, so moves can be checked for cycles. */
export type TenantState = { readonly status: 'absent' } | TenantInfo;

export const initialTenantState: TenantState = { status: 'absent' };

/** Mutable while folding, never seen outside this file. */
interface Draft {
  status: TenantInfo['status'];
  tenantId: string;
  name: string;
  folders: Map<string, FolderNode>;
}

/**
 * Folds events onto the state. The folder map is copied once per fold, not per event, so
 * refolding a 10,000-folder tree stays linear; the given state is never changed.
 */
export function foldTenant(
  state: TenantState,
  events: readonly PermissionsEventPayload[],
): TenantState {
  let draft: Draft | null =
    state.status === 'absent' ? null : { ...state, folders: new Map(state.folders) };
  for (const event of events) draft = apply(draft, event);
  return draft ?? state;
}

export const evolveTenant = (state: TenantState, event: PermissionsEventPayload): TenantState =>
  foldTenant(state, [event]);

export const rebuildTenant = (events: readonly PermissionsEventPayload[]): TenantState =>
  foldTenant(initialTenantState, events);

function apply(draft: Draft | null, event: PermissionsEventPayload): Draft | null {
  switch (event.type) {
    case 'TenantCreated': {
      const { tenantId, after } = event.data;
      return { status: 'active', tenantId, name: after.name, folders: new Map() };
    }
    case 'TenantRenamed':
      return draft && { ...draft, name: event.data.after.name };
    case 'TenantDeleted':
      return draft && { ...draft, status: 'deleted', folders: new Map() };
    case 'FolderCreated':
    case 'FolderRenamed':
    case 'FolderMoved': {
      const { folderId, after } = event.data;
      draft?.folders.set(folderId, { name: after.name, parentId: after.parentId });
      return draft;
    }
    case 'FolderDeleted':
      for (const id of [event.data.folderId, ...event.data.descendantIds])
        draft?.folders.delete(id);
      return draft;
    // Other aggregates' events never reach a tenant stream.
    case 'RoleCreated':
    case 'RoleChanged':
    case 'RoleDeleted':
    case 'RoleAssigned':
    case 'RoleUnassigned':
      return draft;
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The snapshot form: the folder map as three parallel arrays. Not a map (ids may contain dots,
 * which BSON keys must not) and not an array of rows (FerretDB refuses nested arrays).
 */
export interface TenantSnapshot {
  readonly tenant: Omit<TenantInfo, 'folders'> | null;
  readonly folderIds: readonly string[];
  readonly names: readonly string[];
  readonly parentIds: readonly (string | null)[];
}

export function encodeTenant(state: TenantState): TenantSnapshot {
  if (state.status === 'absent') return { tenant: null, folderIds: [], names: [], parentIds: [] };
  const { folders, ...tenant } = state;
  const rows = [...folders];
  return {
    tenant,
    folderIds: rows.map(([id]) => id),
    names: rows.map(([, f]) => f.name),
    parentIds: rows.map(([, f]) => f.parentId),
  };
}

export function decodeTenant(stored: unknown): TenantState {
  const { tenant, folderIds, names, parentIds } = stored as TenantSnapshot;
  if (!tenant) return initialTenantState;
  const folders = new Map<string, FolderNode>();
  folderIds.forEach((id, i) =>
    folders.set(id, { name: names[i] ?? '', parentId: parentIds[i] ?? null }),
  );
  return { ...tenant, folders };
}
