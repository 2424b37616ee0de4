import {
  depthOf,
  descendantsOf,
  hasSubFolders,
  heightOf,
  isSelfOrDescendant,
  siblingNameTaken,
} from './folder-tree';
import { CreateFolder, DeleteFolder, FolderCommand, MoveFolder } from './tenant.commands';
import { TenantContext } from './tenant.context';
import { accept, refuse, TenantDecision } from './tenant.errors';
import { checkId, checkName } from './tenant-values';
import { FolderNode, TenantInfo } from './tenant.state';

/** The folder tree's rules, on an active tenant. */
export function decideFolder(
  command: FolderCommand,
  tenant: TenantInfo,
  context: TenantContext,
): TenantDecision {
  if (command.type === 'CreateFolder') return create(command, tenant, context);
  const folder = tenant.folders.get(command.folderId);
  if (!folder) return refuse('folder-not-found', 'the tenant has no such folder');
  const ref = { tenantId: tenant.tenantId, folderId: command.folderId };
  switch (command.type) {
    case 'RenameFolder': {
      const name = checkName(command.name);
      if (!name.ok) return name;
      if (name.value === folder.name) return accept();
      if (siblingNameTaken(tenant.folders, folder.parentId, name.value, command.folderId)) {
        return nameTaken();
      }
      const after = { ...folder, name: name.value };
      return accept({ type: 'FolderRenamed', data: { ...ref, before: folder, after } });
    }
    case 'MoveFolder':
      return move(command, folder, tenant, context);
    case 'DeleteFolder':
      return remove(command, folder, tenant, context);
    default: {
      const unreachable: never = command;
      throw new Error(`unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

function create(command: CreateFolder, tenant: TenantInfo, { limits }: TenantContext) {
  const id = checkId(command.folderId, 'folderId');
  if (!id.ok) return id;
  if (tenant.folders.has(id.value)) {
    return refuse('folder-already-exists', 'the tenant has a folder with this id');
  }
  const name = checkName(command.name);
  if (!name.ok) return name;
  const { parentId } = command;
  if (parentId !== null && !tenant.folders.has(parentId)) return parentNotFound();
  if (tenant.folders.size >= limits.maxFolders) {
    return refuse('too-many-folders', `a tenant has at most ${limits.maxFolders} folders`);
  }
  if (depthOf(tenant.folders, parentId) + 1 > limits.maxDepth) return tooDeep(limits.maxDepth);
  if (siblingNameTaken(tenant.folders, parentId, name.value)) return nameTaken();
  const data = {
    tenantId: tenant.tenantId,
    folderId: id.value,
    before: null,
    after: { name: name.value, parentId },
  };
  return accept({ type: 'FolderCreated', data });
}

/** A move, renamed on arrival when `name` is given; to the same parent it is a plain rename. */
function move(command: MoveFolder, folder: FolderNode, tenant: TenantInfo, context: TenantContext) {
  const { folderId, parentId } = command;
  const name = checkName(command.name ?? folder.name);
  if (!name.ok) return name;
  if (parentId === folder.parentId) {
    return decideFolder({ type: 'RenameFolder', folderId, name: name.value }, tenant, context);
  }
  if (parentId !== null && !tenant.folders.has(parentId)) return parentNotFound();
  if (parentId !== null && isSelfOrDescendant(tenant.folders, parentId, folderId)) {
    return refuse('folder-cycle', 'a folder cannot move into itself or below itself', 'parentId');
  }
  const depth = depthOf(tenant.folders, parentId) + 1 + heightOf(tenant.folders, folderId);
  if (depth > context.limits.maxDepth) return tooDeep(context.limits.maxDepth);
  if (siblingNameTaken(tenant.folders, parentId, name.value, folderId)) return nameTaken();
  const data = {
    tenantId: tenant.tenantId,
    folderId,
    before: folder,
    after: { name: name.value, parentId },
  };
  return accept({ type: 'FolderMoved', data });
}

function remove(
  command: DeleteFolder,
  folder: FolderNode,
  tenant: TenantInfo,
  { assignments }: TenantContext,
) {
  const { folderId, cascade } = command;
  const descendantIds = cascade ? descendantsOf(tenant.folders, folderId) : [];
  if (!cascade) {
    const assigned = assignments.onFolders([folderId]);
    if (hasSubFolders(tenant.folders, folderId) || assigned > 0) {
      return refuse(
        'folder-not-empty',
        `the folder has sub-folders or ${assigned} assignment(s); ` +
          'delete with cascade=true to delete them with it',
      );
    }
  }
  const data = { tenantId: tenant.tenantId, folderId, descendantIds, before: folder, after: null };
  return accept({ type: 'FolderDeleted', data });
}

const parentNotFound = () =>
  refuse('parent-not-found', 'the parent folder is not in this tenant', 'parentId');

const nameTaken = () =>
  refuse('folder-name-taken', 'a sibling folder has this name (ignoring case)', 'name');

const tooDeep = (maxDepth: number) =>
  refuse('folder-too-deep', `folders may nest at most ${maxDepth} levels deep`, 'parentId');
