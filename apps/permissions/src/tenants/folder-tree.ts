import { FolderNode } from './tenant.state';

/*
 * Queries over one tenant's folder tree (a map by id with parent links). Each is at most linear
 * in the tree's size, fine for the 10,000s of folders a tenant may have; none is kept as an index,
 * so the state stays a plain map that folds and snapshots simply.
 */

type Folders = ReadonlyMap<string, FolderNode>;

/** Sibling names are unique ignoring surrounding spaces, case and Unicode form. */
export const normalizeFolderName = (name: string): string =>
  name.trim().normalize('NFC').toLowerCase();

/** True when another folder under `parentId` carries the name. */
export function siblingNameTaken(
  folders: Folders,
  parentId: string | null,
  name: string,
  exceptId?: string,
): boolean {
  const key = normalizeFolderName(name);
  for (const [id, folder] of folders) {
    if (id !== exceptId && folder.parentId === parentId && normalizeFolderName(folder.name) === key)
      return true;
  }
  return false;
}

/** 0 for the tenant root, 1 for a folder directly under it, and so on. */
export function depthOf(folders: Folders, folderId: string | null): number {
  let depth = 0;
  for (let id = folderId; id !== null; id = folders.get(id)?.parentId ?? null) depth++;
  return depth;
}

/** True when `candidateId` is `folderId` or lies below it: moving there would make a cycle. */
export function isSelfOrDescendant(folders: Folders, candidateId: string, folderId: string) {
  for (let id: string | null = candidateId; id !== null; id = folders.get(id)?.parentId ?? null) {
    if (id === folderId) return true;
  }
  return false;
}

export function hasSubFolders(folders: Folders, folderId: string): boolean {
  for (const folder of folders.values()) if (folder.parentId === folderId) return true;
  return false;
}

/** Every folder below `folderId`, parents before their children. */
export function descendantsOf(folders: Folders, folderId: string): string[] {
  const children = new Map<string, string[]>();
  for (const [id, { parentId }] of folders) {
    if (parentId === null) continue;
    const siblings = children.get(parentId);
    if (siblings) siblings.push(id);
    else children.set(parentId, [id]);
  }
  const found = [...(children.get(folderId) ?? [])];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i] as string) ?? []));
  return found;
}

/** Levels below the folder: 0 for a leaf. */
export function heightOf(folders: Folders, folderId: string): number {
  const base = depthOf(folders, folderId);
  return descendantsOf(folders, folderId).reduce(
    (height, id) => Math.max(height, depthOf(folders, id) - base),
    0,
  );
}
