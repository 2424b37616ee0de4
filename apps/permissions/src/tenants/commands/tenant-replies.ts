import type { FastifyReply } from 'fastify';
import { setEtag } from '../../infrastructure/http/request-meta';
import {
  FolderResponse,
  TenantResponse,
  toFolderResponse,
  toTenantResponse,
} from '../queries/tenant-responses';
import { TenantInfo, TenantState } from '../tenant.state';
import { TenantCommandResult } from './tenant-command';

function activeTenant(state: TenantState): TenantInfo {
  if (state.status !== 'active') throw new Error(`expected an active tenant, got ${state.status}`);
  return state;
}

/** The tenant after a command, with its new version as ETag (and Location when created). */
export function tenantReply(
  reply: FastifyReply,
  result: TenantCommandResult,
  location?: string,
): TenantResponse {
  setEtag(reply, result.version);
  if (location) void reply.header('location', location);
  return toTenantResponse(activeTenant(result.state), result.version);
}

export function folderReply(
  reply: FastifyReply,
  result: TenantCommandResult,
  folderId: string,
  location?: string,
): FolderResponse {
  setEtag(reply, result.version);
  if (location) void reply.header('location', location);
  const folder = toFolderResponse(activeTenant(result.state), folderId, result.version);
  if (!folder) throw new Error(`folder ${folderId} is not in the tenant after the command`);
  return folder;
}

/** 204 for a deletion: the ETag still tells the caller the version it produced. */
export function deletedReply(reply: FastifyReply, result: TenantCommandResult): void {
  setEtag(reply, result.version);
  void reply.status(204);
}
