import { AuditStack, startAuditStack } from './testing/audit-stack';
import { servedRoutes } from './testing/served-routes';

jest.setTimeout(60_000);

describe('OpenAPI document at /docs', () => {
  let stack: AuditStack;

  beforeAll(async () => {
    stack = await startAuditStack();
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

    expect(documented).toEqual(servedRoutes(stack.service.app).filter((r) => r.includes(' /v1/')));
  });

  it('documents the search filters, the export formats and the problems', async () => {
    const { paths } = (await stack.anonymous.get('/docs')).body;
    const search = paths['/v1/audit/records'].get;
    const exported = paths['/v1/audit/export'].get;

    expect(search.security).toEqual([{ bearer: ['extapps.audit.read'] }]);
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual([
      'from',
      'to',
      'actor',
      'targetApp',
      'action',
      'category',
      'outcome',
      'order',
      'limit',
      'cursor',
    ]);
    expect(Object.keys(exported.responses['200'].content)).toEqual([
      'text/csv',
      'application/x-ndjson',
    ]);
    expect(Object.keys(search.responses)).toEqual(['200', '400', '401', '403']);
    // The checkpoint keys are public: an auditor checks signatures without an admin token.
    expect(paths['/v1/audit/keys'].get.security).toEqual([]);
  });
});
