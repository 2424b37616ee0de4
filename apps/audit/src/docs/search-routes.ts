import { AdminScopes } from '@extapps/contracts';
import { ingestionStatusSchema } from '../ingestion/ingestion-status';
import { exportQuerySchema, listRecordsQuerySchema } from '../query/query-schemas';
import { recordPageSchema, recordViewSchema } from '../query/record-view';
import { RouteDoc } from './route-doc';

const read = [AdminScopes.auditRead];

/** Search, export and ingestion status. */
export const searchRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/audit/records',
    operationId: 'searchRecords',
    summary: 'Search audit records, newest first by default, by cursor pages.',
    tag: 'records',
    scopes: read,
    query: listRecordsQuerySchema,
    responses: { 200: { description: 'One page of records.', body: recordPageSchema } },
    problems: [],
  },
  {
    method: 'get',
    path: '/v1/audit/records/{eventId}',
    operationId: 'getRecord',
    summary: 'The audit record of one event.',
    tag: 'records',
    scopes: read,
    pathParams: { eventId: 'The event id (a UUID v7).' },
    responses: { 200: { description: 'The record.', body: recordViewSchema } },
    problems: [404],
  },
  {
    method: 'get',
    path: '/v1/audit/export',
    operationId: 'exportRecords',
    summary: 'Every matching record as CSV or JSON Lines, streamed; oldest first by default.',
    tag: 'records',
    scopes: read,
    query: exportQuerySchema,
    responses: {
      200: {
        description: 'The file. A complete one ends with a line break.',
        files: {
          'text/csv': 'A header line, then one record per line (CRLF); changes as JSON.',
          'application/x-ndjson': 'One record per line, as GET /v1/audit/records/{eventId}.',
        },
        headers: { 'Content-Disposition': 'attachment; filename="audit-<time>.<format>"' },
      },
    },
    problems: [],
  },
  {
    method: 'get',
    path: '/v1/audit/ingestion',
    operationId: 'getIngestionStatus',
    summary: 'How far ingestion got on each topic, and the messages it parked as poison.',
    tag: 'ingestion',
    scopes: read,
    responses: { 200: { description: 'The status.', body: ingestionStatusSchema } },
    problems: [],
  },
];
