import { AdminScopes } from '@extapps/contracts';
import { RouteDoc } from '../docs/route-doc';
import {
  batchCheckBodySchema,
  batchCheckResponseSchema,
  checkBodySchema,
  checkResponseSchema,
  effectivePermissionsQuerySchema,
  effectivePermissionsResponseSchema,
} from './check-schemas';

const read = [AdminScopes.permissionsRead];
/** 503 while the access index catches up with the topics (code access-index-not-ready). */
const NOT_READY = 503;

/** The check API in the OpenAPI document (tag `check`). */
export const checkRoutes: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/v1/check',
    operationId: 'checkPermission',
    summary:
      'May the principal do the permission in the tenant (and folder)? A refusal is an answer ' +
      '(200, allowed false, with a reason code), not an error.',
    tag: 'check',
    scopes: read,
    body: checkBodySchema,
    responses: { 200: { description: 'The answer.', body: checkResponseSchema } },
    problems: [413, NOT_READY],
  },
  {
    method: 'post',
    path: '/v1/check/batch',
    operationId: 'checkPermissions',
    summary: 'Up to 1,000 checks in one request, answered in order.',
    tag: 'check',
    scopes: read,
    body: batchCheckBodySchema,
    responses: { 200: { description: 'The answers.', body: batchCheckResponseSchema } },
    problems: [413, NOT_READY],
  },
  {
    method: 'get',
    path: '/v1/principals/{id}/effective-permissions',
    operationId: 'getEffectivePermissions',
    summary:
      'Every permission the principal has at the place, each with the assignments granting it ' +
      '(nearest first). A disabled or deleted principal has none (see inactive).',
    tag: 'check',
    scopes: read,
    pathParams: { id: "The app's client id or the user id (see type)." },
    query: effectivePermissionsQuerySchema,
    responses: {
      200: { description: 'The effective permissions.', body: effectivePermissionsResponseSchema },
    },
    problems: [404, NOT_READY],
  },
];
