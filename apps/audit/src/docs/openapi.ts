import { z } from 'zod';
import { RouteDoc } from './route-doc';
import { searchRoutes } from './search-routes';
import { tamperEvidenceRoutes } from './tamper-evidence-routes';

type JsonSchema = Record<string, unknown>;

/** Every documented route, one spread per slice: the e2e test wants every served /v1 route here. */
export const apiRoutes: readonly RouteDoc[] = [...searchRoutes, ...tamperEvidenceRoutes];

const TAGS = [
  { name: 'records', description: 'Search and export the audit trail' },
  { name: 'ingestion', description: 'Progress of ingestion from Kafka' },
  { name: 'verification', description: 'Tamper evidence: the chain check and the checkpoint keys' },
];

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
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const PROBLEMS: Record<number, string> = {
  400: 'Malformed request: see errors (unknown parameters are refused).',
  401: 'No valid bearer token.',
  403: 'The token lacks a required scope.',
  404: 'Not found.',
};

const problemResponse = (status: number) => ({
  description: PROBLEMS[status] ?? 'Problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
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
  return [...path, ...query];
}

function content(doc: RouteDoc['responses'][number]): JsonSchema | undefined {
  if (doc.body) return { 'application/json': { schema: jsonSchema(doc.body, 'output') } };
  if (!doc.files) return undefined;
  return Object.fromEntries(
    Object.entries(doc.files).map(([type, description]) => [
      type,
      { schema: { type: 'string', description } },
    ]),
  );
}

function operation(route: RouteDoc): JsonSchema {
  const responses: JsonSchema = {};
  for (const [status, doc] of Object.entries(route.responses)) {
    const headers = Object.entries(doc.headers ?? {}).map(([name, description]) => [
      name,
      { description, schema: { type: 'string' } },
    ]);
    const body = content(doc);
    responses[status] = {
      description: doc.description,
      ...(headers.length > 0 && { headers: Object.fromEntries(headers) }),
      ...(body && { content: body }),
    };
  }
  const statuses = route.scopes.length > 0 ? [400, 401, 403, ...route.problems] : route.problems;
  for (const status of statuses) responses[status] = problemResponse(status);
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.scopes.length > 0 ? [{ bearer: [...route.scopes] }] : [],
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

/** The OpenAPI 3.1 document of the audit API, served at GET /docs. */
export function buildOpenApiDocument(routes: readonly RouteDoc[] = apiRoutes): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'ExtApps audit API',
      version: '1',
      description:
        'Search, export and verify the tamper-evident audit trail of every ExtApps service. ' +
        'Protected routes need a bearer access token from the token service with the scope ' +
        'named in their security requirement. Errors are RFC 9457 problem details.',
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
            'holding extapps.audit.read).',
        },
      },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
  };
}
