import { AdminScopes } from '@extapps/contracts';
import { RouteDoc } from '../docs/route-doc';
import { assignmentListSchema, assignmentResponseSchema } from './assignment-response';
import { assignRoleBodySchema } from './commands/assign-role/assign-role.dto';
import { listAssignmentsQuerySchema } from './queries/list-assignments';

const read = [AdminScopes.permissionsRead];
const write = [AdminScopes.permissionsWrite];
const assignmentId = { assignmentId: 'The assignment id.' };
const etag = { ETag: 'The assignment version as an entity tag; send it as If-Match.' };

/** Role assignments in the OpenAPI document (tag `assignments`). */
export const assignmentRoutes: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/v1/assignments',
    operationId: 'assignRole',
    summary:
      'Give a principal a role on a tenant or a folder (inherited by every sub-folder). Only ' +
      'confidential apps with application scopes, and known users, can be assigned.',
    tag: 'assignments',
    scopes: write,
    body: assignRoleBodySchema,
    responses: {
      201: {
        description: 'Assigned.',
        body: assignmentResponseSchema,
        headers: { ...etag, Location: 'The new assignment.' },
      },
    },
    problems: [404, 409, 413],
  },
  {
    method: 'get',
    path: '/v1/assignments',
    operationId: 'listAssignments',
    summary:
      'Live assignments by tenant (and folder), principal or role, from the access index; by ' +
      'id, in pages.',
    tag: 'assignments',
    scopes: read,
    query: listAssignmentsQuerySchema,
    responses: { 200: { description: 'One page.', body: assignmentListSchema } },
    problems: [],
  },
  {
    method: 'get',
    path: '/v1/assignments/{assignmentId}',
    operationId: 'getAssignment',
    summary: 'One assignment, live or ended (with the reason), with its version as ETag.',
    tag: 'assignments',
    scopes: read,
    pathParams: assignmentId,
    responses: {
      200: { description: 'The assignment.', body: assignmentResponseSchema, headers: etag },
    },
    problems: [404],
  },
  {
    method: 'delete',
    path: '/v1/assignments/{assignmentId}',
    operationId: 'unassignRole',
    summary: 'End an assignment (reason unassigned); repeating it changes nothing.',
    tag: 'assignments',
    scopes: write,
    pathParams: assignmentId,
    headers: [
      {
        name: 'If-Match',
        required: false,
        description: 'Optional: the ETag you read; refused with 412 unless it is current.',
      },
    ],
    responses: {
      200: { description: 'The ended assignment.', body: assignmentResponseSchema, headers: etag },
    },
    problems: [404, 409, 412],
  },
];
