import { AdminScopes } from '@extapps/contracts';
import {
  addSecretBodySchema,
  addSecretResponseSchema,
} from '../external-app/commands/add-secret/add-secret.dto';
import {
  registerAppBodySchema,
  registerAppResponseSchema,
} from '../external-app/commands/register-external-app/register-external-app.dto';
import { updateAppBodySchema } from '../external-app/commands/update-external-app/update-external-app.dto';
import { appResponseSchema } from '../external-app/queries/schemas';
import { HeaderDoc, ResponseDoc, RouteDoc } from './route-doc';

const write = [AdminScopes.appsWrite];
const appId = { id: 'The app id (its client_id).' };
const etag = { ETag: 'The app version as an entity tag, e.g. "3"; send it as If-Match.' };
const ifMatch = (required: boolean): HeaderDoc => ({
  name: 'If-Match',
  required,
  description: required
    ? 'The ETag you read ("<version>"), or * to change whatever version is current.'
    : 'Optional: the ETag you read; the command is refused with 412 unless it is current.',
});
const changed = (description: string): ResponseDoc => ({
  description,
  body: appResponseSchema,
  headers: etag,
});
// 404 no such app, 409 deleted app or concurrent change, 412 stale If-Match, 422 a broken rule.
const onApp = [404, 409, 412, 422];

export const commandRoutes: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/v1/apps',
    operationId: 'registerApp',
    summary: 'Register an external app; a confidential one gets its first secret (shown once).',
    tag: 'apps',
    scopes: write,
    body: registerAppBodySchema,
    responses: {
      201: {
        description: 'Registered. Cache-Control: no-store, the body may hold a secret.',
        body: registerAppResponseSchema,
        headers: { ...etag, Location: 'The new app.', 'Cache-Control': 'no-store' },
      },
    },
    problems: [409, 413, 422],
  },
  {
    method: 'patch',
    path: '/v1/apps/{id}',
    operationId: 'updateApp',
    summary:
      'Change name, redirect URIs, scopes, JWKS and token lifetime; all changes apply, or none.',
    tag: 'apps',
    scopes: write,
    pathParams: appId,
    headers: [ifMatch(true)],
    body: updateAppBodySchema,
    responses: { 200: changed('The changed app.') },
    problems: [...onApp, 413, 428],
  },
  {
    method: 'delete',
    path: '/v1/apps/{id}',
    operationId: 'deleteApp',
    summary: 'Delete an app for good; it accepts no further command.',
    tag: 'apps',
    scopes: write,
    pathParams: appId,
    headers: [ifMatch(false)],
    responses: { 200: changed('The deleted app (status deleted).') },
    problems: onApp,
  },
  {
    method: 'post',
    path: '/v1/apps/{id}/disable',
    operationId: 'disableApp',
    summary: 'Disable an app (idempotent).',
    tag: 'apps',
    scopes: write,
    pathParams: appId,
    headers: [ifMatch(false)],
    responses: { 200: changed('The disabled app.') },
    problems: onApp,
  },
  {
    method: 'post',
    path: '/v1/apps/{id}/enable',
    operationId: 'enableApp',
    summary: 'Enable a disabled app (idempotent).',
    tag: 'apps',
    scopes: write,
    pathParams: appId,
    headers: [ifMatch(false)],
    responses: { 200: changed('The enabled app.') },
    problems: onApp,
  },
  {
    method: 'post',
    path: '/v1/apps/{id}/secrets',
    operationId: 'addSecret',
    summary: 'Add a secret to a confidential app (at most 5 active); shown once.',
    tag: 'secrets',
    scopes: write,
    pathParams: appId,
    headers: [ifMatch(false)],
    body: addSecretBodySchema,
    responses: {
      201: {
        description: 'Added. Cache-Control: no-store, the body holds the secret.',
        body: addSecretResponseSchema,
        headers: { ...etag, 'Cache-Control': 'no-store' },
      },
    },
    problems: [...onApp, 413],
  },
  {
    method: 'delete',
    path: '/v1/apps/{id}/secrets/{secretId}',
    operationId: 'revokeSecret',
    summary: 'Revoke one secret at once.',
    tag: 'secrets',
    scopes: write,
    pathParams: { ...appId, secretId: 'The secret id.' },
    headers: [ifMatch(false)],
    responses: { 200: changed('The app with the secret revoked.') },
    problems: onApp,
  },
];
