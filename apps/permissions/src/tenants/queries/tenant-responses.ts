import { z } from 'zod';
import { TenantInfo } from '../tenant.state';

export const tenantResponseSchema = z.object({
  tenantId: z.string(),
  name: z.string(),
  folderCount: z.number().int(),
  version: z.number().int().describe('the tenant stream version, also sent as ETag'),
});
export type TenantResponse = z.infer<typeof tenantResponseSchema>;

export const folderResponseSchema = z.object({
  tenantId: z.string(),
  folderId: z.string(),
  name: z.string(),
  parentId: z.string().nullable().describe('null: directly under the tenant'),
  path: z.array(z.string()).describe('ancestor folder ids, from the tenant root down'),
  version: z.number().int().describe('the tenant stream version (folders are part of it)'),
});
export type FolderResponse = z.infer<typeof folderResponseSchema>;

const folderItemSchema = z.object({
  folderId: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
});

export interface FolderTreeNode {
  readonly folderId: string;
  readonly name: string;
  readonly children: readonly FolderTreeNode[];
}
const folderTreeNodeSchema: z.ZodType<FolderTreeNode> = z.lazy(() =>
  z.object({ folderId: z.string(), name: z.string(), children: z.array(folderTreeNodeSchema) }),
);

export const folderListResponseSchema = z.object({
  tenantId: z.string(),
  version: z.number().int(),
  format: z.enum(['flat', 'tree']),
  folders: z
    .union([z.array(folderItemSchema), z.array(folderTreeNodeSchema)])
    .describe('flat: parents before children, siblings by name; tree: nested from the root'),
});
export type FolderListResponse = z.infer<typeof folderListResponseSchema>;

export function toTenantResponse(tenant: TenantInfo, version: number): TenantResponse {
  return {
    tenantId: tenant.tenantId,
    name: tenant.name,
    folderCount: tenant.folders.size,
    version,
  };
}

export function toFolderResponse(
  tenant: TenantInfo,
  folderId: string,
  version: number,
): FolderResponse | null {
  const folder = tenant.folders.get(folderId);
  if (!folder) return null;
  const path: string[] = [];
  for (let id = folder.parentId; id !== null; id = tenant.folders.get(id)?.parentId ?? null) {
    path.unshift(id);
  }
  return { tenantId: tenant.tenantId, folderId, ...folder, path, version };
}

/** Children by parent (null: the root), siblings sorted by name. */
function childrenOf(tenant: TenantInfo): Map<string | null, string[]> {
  const children = new Map<string | null, string[]>();
  for (const [id, { parentId }] of tenant.folders) {
    const siblings = children.get(parentId);
    if (siblings) siblings.push(id);
    else children.set(parentId, [id]);
  }
  const nameOf = (id: string) => tenant.folders.get(id)?.name ?? '';
  for (const ids of children.values()) ids.sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return children;
}

export function toFolderList(
  tenant: TenantInfo,
  version: number,
  format: 'flat' | 'tree',
): FolderListResponse {
  const children = childrenOf(tenant);
  const name = (id: string) => tenant.folders.get(id)?.name ?? '';
  if (format === 'tree') {
    const node = (id: string): FolderTreeNode => ({
      folderId: id,
      name: name(id),
      children: (children.get(id) ?? []).map(node),
    });
    const folders = (children.get(null) ?? []).map(node);
    return { tenantId: tenant.tenantId, version, format, folders };
  }
  const order = [...(children.get(null) ?? [])];
  for (let i = 0; i < order.length; i++) order.push(...(children.get(order[i] as string) ?? []));
  const folders = order.map((id) => ({
    folderId: id,
    name: name(id),
    parentId: tenant.folders.get(id)?.parentId ?? null,
  }));
  return { tenantId: tenant.tenantId, version, format, folders };
}
