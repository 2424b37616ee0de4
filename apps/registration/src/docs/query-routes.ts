import { AdminScopes } from '@extapps/contracts';
import {
  appListResponseSchema,
  appResponseSchema,
  expiringSecretsQuerySchema,
  expiringSecretsResponseSchema,
  getAppQuerySchema,
  historyQuerySchema,
  historyResponseSchema,
  listAppsQuerySchema,
  resourcesResponseSchema,
} from '../external-app/queries/schemas';
import { RouteDoc } from './route-doc';

const read = [AdminScopes.appsRead];
const appId = { id: 'The app id (its client_id).' };

export const queryRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/apps',
    operationId: 'listApps',
    summary: 'List apps (deleted ones only on request), oldest first, by cursor pages.',
    tag: 'apps',
    scopes: read,
    query: listAppsQuerySchema,
    responses: { 200: { description: 'One page of apps.', body: appListResponseSchema } },
    problems: [],
  },
  {
    method: 'get',
    path: '/v1/apps/{id}',
    operationId: 'getApp',
    summary: 'One app, or with asOf the app as it was at that instant.',
    tag: 'apps',
    scopes: read,
    pathParams: appId,
    query: getAppQuerySchema,
    responses: {
      200: {
        description: 'The app.',
        body: appResponseSchema,
        headers: { ETag: 'The app version, e.g. "3" (not sent with asOf).' },
      },
    },
    problems: [404],
  },
  {
    method: 'get',
    path: '/v1/apps/{id}/history',
    operationId: 'getAppHistory',
    summary: "The app's events, oldest first: who changed what, when, before and after.",
    tag: 'apps',
    scopes: read,
    pathParams: appId,
    query: historyQuerySchema,
    responses: { 200: { description: 'One page of history.', body: historyResponseSchema } },
    problems: [404],
  },
  {
    method: 'get',
    path: '/v1/expiring-secrets',
    operationId: 'listExpiringSecrets',
    summary: 'Secrets expiring within a window (default: the configured warning window).',
    tag: 'secrets',
    scopes: read,
    query: expiringSecretsQuerySchema,
    responses: {
      200: { description: 'Soonest expiry first.', body: expiringSecretsResponseSchema },
    },
    problems: [],
  },
  {
    method: 'get',
    path: '/v1/resources',
    operationId: 'listResources',
    summary: 'The resource catalog: the APIs apps may get user and application scopes on.',
    tag: 'resources',
    scopes: read,
    responses: { 200: { description: 'The catalog.', body: resourcesResponseSchema } },
    problems: [],
  },
];
