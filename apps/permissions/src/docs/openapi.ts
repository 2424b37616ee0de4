import { z } from 'zod';
import { HeaderDoc, RouteDoc } from './route-doc';
import { assignmentRoutes } from '../assignments/assignment-routes';
import { roleRoutes } from '../roles/role-routes';
import { tenantRoutes } from './tenant-routes';
import { checkRoutes } from '../check/check-routes';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of what a client sends, or what it receives. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

const problemSchema = z.object({
  type: z.string().describe('urn:extapps:problem:<code>, or about:blank'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  correlationId: z.string().describe('quote it when reporting a problem'),
  code: z.string().optional().describe('e.g. tenant-not-found, folder-not-empty, version-mismatch'),
  currentVersion: z
    .number()
    .int()
    .optional()
    .describe('409 concurrent-modification and 412: the version the resource is at now'),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const PROBLEMS: Record<number, string> = {
  400: 'Malformed request: see errors (unknown fields are refused).',
  401: 'No valid bearer token.',
  403: 'The token lacks a required scope.',
  404: 'No such resource (see code, e.g. tenant-not-found, folder-not-found).',
  409: 'A name is taken, the resource is not empty (use cascade), or another command changed it first (concurrent-modification).',
  412: 'If-Match names another version than the current one (see currentVersion).',
  413: 'The body is larger than BODY_LIMIT_BYTES.',
  422: 'The change breaks a rule: see code and errors.',
  428: 'If-Match is required.',
};

const problemResponse = (status: number) => ({
  description: PROBLEMS[status] ?? 'Problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const header = ({ name, required, description }: HeaderDoc) => ({
  name,
  in: 'header',
  required,
  description,
  schema: { type: 'string' },
});

function parameters(route: RouteDoc): JsonSchema[] {
  const path = Object.entries(route.pathParams ?? {}).map(([name, description]) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string' },
  }));
  const query = Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: jsonSchema(schema as z.ZodType, 'input'),
  }));
  return [...path, ...query, ...(route.headers ?? []).map(header)];
}

function operation(route: RouteDoc): JsonSchema {
  const responses: JsonSchema = {};
  for (const [status, doc] of Object.entries(route.responses)) {
    responses[status] = {
      description: doc.description,
      ...(doc.headers && {
        headers: Object.fromEntries(
          Object.entries(doc.headers).map(([name, description]) => [
            name,
            { description, schema: { type: 'string' } },
          ]),
        ),
      }),
      ...(doc.body && {
        content: { 'application/json': { schema: jsonSchema(doc.body, 'output') } },
      }),
    };
  }
  for (const status of [400, 401, 403, ...route.problems])
    responses[status] = problemResponse(status);
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: [{ bearer: [...route.scopes] }],
    parameters: parameters(route),
    ...(route.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      },
    }),
    responses,
  };
}

/** Every documented /v1 route; each feature adds its list here. */
export const apiRoutes: readonly RouteDoc[] = [
  ...tenantRoutes,
  ...roleRoutes,
  ...assignmentRoutes,
  ...checkRoutes,
];

/** Tags in the order the document lists them; each feature adds its own. */
const TAGS = [
  { name: 'tenants', description: 'Tenants' },
  { name: 'folders', description: "A tenant's folder tree" },
  { name: 'roles', description: 'Built-in and custom roles, and the permission catalog' },
  { name: 'assignments', description: 'Roles given to apps and users on tenants and folders' },
  { name: 'check', description: 'May a principal do a permission here? Answered from memory' },
];

/** The OpenAPI 3.1 document of the admin API, served at GET /docs. */
export function buildOpenApiDocument(routes: readonly RouteDoc[] = apiRoutes): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'ExtApps permissions API',
      version: '1',
      description:
        'Tenants, folders, roles and assignments of external apps and users, and the check API. ' +
        'Every route needs a bearer access token from the token service with the scope named in ' +
        'its security requirement. Errors are RFC 9457 problem details with ' +
        'type urn:extapps:problem:<code>. Changes answer the new version as ETag; send it back ' +
        'as If-Match.',
    },
    tags: TAGS,
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An RFC 9068 access token from the token service (client credentials of an app ' +
            'holding extapps.permissions.read / extapps.permissions.write).',
        },
      },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
  };
}
