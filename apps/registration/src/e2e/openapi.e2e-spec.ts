import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';
import { servedRoutes } from './testing/served-routes';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('OpenAPI document at /docs', () => {
  let stack: RegistrationStack;

  beforeAll(async () => {
    stack = await startRegistrationStack();
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
    expect(documented).toHaveLength(12);
  });

  it('names the bearer scopes, the request body and problem responses of every route', async () => {
    const { paths } = (await stack.anonymous.get('/docs')).body as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const register = paths['/v1/apps']?.['post'];
    const update = paths['/v1/apps/{id}']?.['patch'];

    expect(register?.['security']).toEqual([{ bearer: ['extapps.apps.write'] }]);
    expect(register?.['requestBody']).toMatchObject({
      content: {
        'application/json': { schema: { additionalProperties: false, required: ['name', 'type'] } },
      },
    });
    expect(Object.keys(update?.['responses'] as object)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '412', '422', '428']),
    );
    expect(update?.['parameters']).toContainEqual(
      expect.objectContaining({ name: 'If-Match', in: 'header', required: true }),
    );
    for (const methods of Object.values(paths)) {
      for (const operation of Object.values(methods)) {
        expect((operation['security'] as object[])[0]).toEqual({ bearer: [expect.any(String)] });
      }
    }
  });

  it('documents jwks and accessTokenLifetimeSeconds where an app is written and read', async () => {
    const doc = (await stack.anonymous.get('/docs')).body;
    const body = (method: string, path: string) =>
      doc.paths[path][method].requestBody.content['application/json'].schema.properties;
    const app = doc.paths['/v1/apps/{id}'].get.responses['200'].content['application/json'].schema;

    for (const properties of [body('post', '/v1/apps'), body('patch', '/v1/apps/{id}')]) {
      expect(properties.jwks.description).toContain('private_key_jwt');
      expect(properties.accessTokenLifetimeSeconds.description).toContain('300-86400');
    }
    expect(app.required).toEqual(expect.arrayContaining(['jwks', 'accessTokenLifetimeSeconds']));
    expect(JSON.stringify(app.properties.jwks)).toContain('"enum":["P-256","P-384"]');
  });
});
