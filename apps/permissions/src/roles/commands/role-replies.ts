import type { FastifyReply } from 'fastify';
import { setEtag } from '../../infrastructure/http/request-meta';
import { customRoleResponse, RoleResponse } from '../role-response';
import { RoleCommandResult } from './role-command';

/** ETag (and Location for a creation) plus the role as GET /v1/roles/{roleId} shows it. */
export function roleReply(
  reply: FastifyReply,
  result: RoleCommandResult,
  location?: string,
): RoleResponse {
  setEtag(reply, result.version);
  if (location) void reply.header('location', location);
  const { state } = result;
  // Create and change are accepted only for a role they leave live.
  if (state.status !== 'live') throw new Error(`a role command left the role ${state.status}`);
  return customRoleResponse(state, result.version);
}
