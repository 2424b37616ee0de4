import { PermissionsStack, startPermissionsStack } from './testing/permissions-stack';
import { servedRoutes } from './testing/served-routes';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('OpenAPI document at /docs', () => {
  let stack: PermissionsStack;

  beforeAll(async () => {
    stack = await startPermissionsStack();
  });
  afterAll(() => stack?.close());

  it('is public OpenAPI 3.1 JSON, also at /docs/openapi.json', async () => {
    const docs = await stack.anonymous.get('/docs');
    const json = await stack.anonymous.get('/docs/openapi.json');

    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^application\/json/);
    expect(docs.body.openapi).toBe('3.1.0');
    expect(json.body).toEqual(docs.body);
  });

  it('describes exactly the /v1 routes the service serves', async () => {
    const { paths } = (await stack.anonymous.get('/docs')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = servedRoutes(stack.service.app).filter((r) => r.includes(' /v1/'));

    expect(documented).toEqual(served);
  });

  it('names the scope, If-Match and problem responses of the folder PATCH', async () => {
    const doc = (await stack.anonymous.get('/docs')).body;
    const update = doc.paths['/v1/tenants/{tenantId}/folders/{folderId}'].patch;
    const create = doc.paths['/v1/tenants'].post;

    expect(create.security).toEqual([{ bearer: ['extapps.permissions.write'] }]);
    expect(doc.paths['/v1/tenants'].get.security).toEqual([
      { bearer: ['extapps.permissions.read'] },
    ]);
    expect(Object.keys(update.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '412', '422', '428']),
    );
    expect(update.parameters).toContainEqual(
      expect.objectContaining({ name: 'If-Match', in: 'header', required: true }),
    );
    expect(doc.paths['/v1/tenants/{tenantId}'].delete.parameters).toContainEqual(
      expect.objectContaining({ name: 'cascade', in: 'query', required: false }),
    );
  });
});
