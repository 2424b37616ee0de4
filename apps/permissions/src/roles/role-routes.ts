import { AdminScopes } from '@extapps/contracts';
import { HeaderDoc, RouteDoc } from '../docs/route-doc';
import { cascadeQuerySchema } from '../infrastructure/http/query-pipe';
import { permissionCatalogSchema } from './catalog/permission-catalog';
import { changeRoleBodySchema } from './commands/change-role/change-role.dto';
import { createRoleBodySchema } from './commands/create-role/create-role.dto';
import { listRolesQuerySchema } from './queries/roles-query.controller';
import { roleListSchema, roleResponseSchema } from './role-response';

const read = [AdminScopes.permissionsRead];
const write = [AdminScopes.permissionsWrite];
const roleId = { roleId: 'The role id: builtin.* for a built-in role.' };
const etag = { ETag: 'The role version as an entity tag, e.g. "2"; send it as If-Match.' };
const ifMatch = (required: boolean): HeaderDoc => ({
  name: 'If-Match',
  required,
  description: required
    ? 'The ETag you read ("<version>"), or * to change whatever version is current.'
    : 'Optional: the ETag you read; the command is refused with 412 unless it is current.',
});

/** Roles and the permission catalog in the OpenAPI document (tag `roles`). */
export const roleRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/permissions',
    operationId: 'listPermissions',
    summary: 'The permission catalog: every permission a role may hold (configuration).',
    tag: 'roles',
    scopes: read,
    responses: { 200: { description: 'The catalog.', body: permissionCatalogSchema } },
    problems: [],
  },
  {
    method: 'get',
    path: '/v1/roles',
    operationId: 'listRoles',
    summary: 'The built-in roles, then (with tenant) the tenant’s custom roles by name.',
    tag: 'roles',
    scopes: read,
    query: listRolesQuerySchema,
    responses: { 200: { description: 'The roles.', body: roleListSchema } },
    problems: [404],
  },
  {
    method: 'post',
    path: '/v1/tenants/{tenantId}/roles',
    operationId: 'createRole',
    summary:
      'Create a custom role of the tenant; its name is unique in the tenant (ignoring case).',
    tag: 'roles',
    scopes: write,
    pathParams: { tenantId: 'The tenant id.' },
    body: createRoleBodySchema,
    responses: {
      201: {
        description: 'Created.',
        body: roleResponseSchema,
        headers: { ...etag, Location: 'The new role.' },
      },
    },
    problems: [404, 409, 413],
  },
  {
    method: 'get',
    path: '/v1/roles/{roleId}',
    operationId: 'getRole',
    summary: 'One built-in or custom role, with its version as ETag.',
    tag: 'roles',
    scopes: read,
    pathParams: roleId,
    responses: { 200: { description: 'The role.', body: roleResponseSchema, headers: etag } },
    problems: [404],
  },
  {
    method: 'patch',
    path: '/v1/roles/{roleId}',
    operationId: 'changeRole',
    summary:
      'Rename a custom role and/or replace its permissions; takes effect at once wherever it is ' +
      'assigned. Built-in roles are refused (409 built-in-role).',
    tag: 'roles',
    scopes: write,
    pathParams: roleId,
    headers: [ifMatch(true)],
    body: changeRoleBodySchema,
    responses: { 200: { description: 'The role now.', body: roleResponseSchema, headers: etag } },
    problems: [404, 409, 412, 413, 428],
  },
  {
    method: 'delete',
    path: '/v1/roles/{roleId}',
    operationId: 'deleteRole',
    summary:
      'Delete a custom role; while assigned only with cascade=true (409 role-in-use), its ' +
      'assignments then end (RoleUnassigned, reason role-deleted).',
    tag: 'roles',
    scopes: write,
    pathParams: roleId,
    query: cascadeQuerySchema,
    headers: [ifMatch(false)],
    responses: { 204: { description: 'Deleted.' } },
    problems: [404, 409, 412],
  },
];
