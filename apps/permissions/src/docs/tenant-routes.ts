import { AdminScopes } from '@extapps/contracts';
import { z } from 'zod';
import { cascadeQuerySchema } from '../infrastructure/http/query-pipe';
import { createFolderBodySchema } from '../tenants/commands/create-folder/create-folder.dto';
import { createTenantBodySchema } from '../tenants/commands/create-tenant/create-tenant.dto';
import { renameTenantBodySchema } from '../tenants/commands/rename-tenant/rename-tenant.dto';
import { updateFolderBodySchema } from '../tenants/commands/update-folder/update-folder.dto';
import {
  listFoldersQuerySchema,
  listTenantsQuerySchema,
  tenantListResponseSchema,
} from '../tenants/queries/query-schemas';
import {
  folderListResponseSchema,
  folderResponseSchema,
  tenantResponseSchema,
} from '../tenants/queries/tenant-responses';
import { HeaderDoc, ResponseDoc, RouteDoc } from './route-doc';

const read = [AdminScopes.permissionsRead];
const write = [AdminScopes.permissionsWrite];
const tenantId = { tenantId: 'The tenant id.' };
const folderId = { ...tenantId, folderId: 'The folder id.' };
const etag = {
  ETag: 'The tenant version as an entity tag, e.g. "3" (folders are part of the tenant); send it as If-Match.',
};
const ifMatch = (required: boolean): HeaderDoc => ({
  name: 'If-Match',
  required,
  description: required
    ? 'The ETag you read ("<version>"), or * to change whatever version is current.'
    : 'Optional: the ETag you read; the command is refused with 412 unless it is current.',
});
const ok = (description: string, body: z.ZodType): ResponseDoc => ({
  description,
  body,
  headers: etag,
});
const deleted: ResponseDoc = { description: 'Deleted.', headers: etag };

export const tenantRoutes: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/v1/tenants',
    operationId: 'createTenant',
    summary: 'Create a tenant; its name is unique in the service (ignoring case).',
    tag: 'tenants',
    scopes: write,
    body: createTenantBodySchema,
    responses: {
      201: {
        description: 'Created.',
        body: tenantResponseSchema,
        headers: { ...etag, Location: 'The new tenant.' },
      },
    },
    problems: [409, 413, 422],
  },
  {
    method: 'get',
    path: '/v1/tenants',
    operationId: 'listTenants',
    summary: 'List live tenants, oldest first, by cursor pages (trails writes by a moment).',
    tag: 'tenants',
    scopes: read,
    query: listTenantsQuerySchema,
    responses: { 200: { description: 'One page of tenants.', body: tenantListResponseSchema } },
    problems: [],
  },
  {
    method: 'get',
    path: '/v1/tenants/{tenantId}',
    operationId: 'getTenant',
    summary: 'One tenant, with its current version as ETag.',
    tag: 'tenants',
    scopes: read,
    pathParams: tenantId,
    responses: { 200: ok('The tenant.', tenantResponseSchema) },
    problems: [404],
  },
  {
    method: 'patch',
    path: '/v1/tenants/{tenantId}',
    operationId: 'renameTenant',
    summary: 'Rename a tenant.',
    tag: 'tenants',
    scopes: write,
    pathParams: tenantId,
    headers: [ifMatch(true)],
    body: renameTenantBodySchema,
    responses: { 200: ok('The renamed tenant.', tenantResponseSchema) },
    problems: [404, 409, 412, 413, 422, 428],
  },
  {
    method: 'delete',
    path: '/v1/tenants/{tenantId}',
    operationId: 'deleteTenant',
    summary: 'Delete a tenant; one with folders or assignments only with cascade=true.',
    tag: 'tenants',
    scopes: write,
    pathParams: tenantId,
    query: cascadeQuerySchema,
    headers: [ifMatch(false)],
    responses: { 204: deleted },
    problems: [404, 409, 412],
  },
  {
    method: 'post',
    path: '/v1/tenants/{tenantId}/folders',
    operationId: 'createFolder',
    summary: 'Create a folder at the tenant root or under a folder.',
    tag: 'folders',
    scopes: write,
    pathParams: tenantId,
    headers: [ifMatch(false)],
    body: createFolderBodySchema,
    responses: {
      201: {
        description: 'Created.',
        body: folderResponseSchema,
        headers: { ...etag, Location: 'The new folder.' },
      },
    },
    problems: [404, 409, 412, 413, 422],
  },
  {
    method: 'get',
    path: '/v1/tenants/{tenantId}/folders',
    operationId: 'listFolders',
    summary: "The tenant's folder tree, flat (with parentId) or nested.",
    tag: 'folders',
    scopes: read,
    pathParams: tenantId,
    query: listFoldersQuerySchema,
    responses: { 200: ok('Every folder of the tenant.', folderListResponseSchema) },
    problems: [404],
  },
  {
    method: 'get',
    path: '/v1/tenants/{tenantId}/folders/{folderId}',
    operationId: 'getFolder',
    summary: 'One folder, with its ancestors.',
    tag: 'folders',
    scopes: read,
    pathParams: folderId,
    responses: { 200: ok('The folder.', folderResponseSchema) },
    problems: [404],
  },
  {
    method: 'patch',
    path: '/v1/tenants/{tenantId}/folders/{folderId}',
    operationId: 'updateFolder',
    summary: 'Rename a folder and/or move it (with its sub-tree) under another parent.',
    tag: 'folders',
    scopes: write,
    pathParams: folderId,
    headers: [ifMatch(true)],
    body: updateFolderBodySchema,
    responses: { 200: ok('The folder as it is now.', folderResponseSchema) },
    problems: [404, 409, 412, 413, 422, 428],
  },
  {
    method: 'delete',
    path: '/v1/tenants/{tenantId}/folders/{folderId}',
    operationId: 'deleteFolder',
    summary: 'Delete a folder; one with sub-folders or assignments only with cascade=true.',
    tag: 'folders',
    scopes: write,
    pathParams: folderId,
    query: cascadeQuerySchema,
    headers: [ifMatch(false)],
    responses: { 204: deleted },
    problems: [404, 409, 412],
  },
];
