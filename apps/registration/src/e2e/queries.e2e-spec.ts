import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RESOURCE_CATALOG } from '@extapps/contracts';
import { ApiClient } from './testing/api-client';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);

/** The default catalog plus one resource, as an operator's RESOURCE_CATALOG_FILE. */
const catalog = {
  resources: [
    ...DEFAULT_RESOURCE_CATALOG.resources,
    {
      id: 'BillingApi',
      name: 'Billing API',
      description: '',
      userScopes: [],
      applicationScopes: [{ name: 'BI.Invoices.Read', description: 'Read invoices' }],
    },
  ],
};

describe('the read routes on the real stack, after commands', () => {
  let stack: RegistrationStack;
  let scopeless: ApiClient;
  let appId: string;
  let registeredAt: string;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'catalog.json');
    writeFileSync(file, JSON.stringify(catalog));
    stack = await startRegistrationStack({ RESOURCE_CATALOG_FILE: file });
    scopeless = new ApiClient(
      () => stack.service.baseUrl,
      () => stack.issuer.issue({ sub: 'nobody', subType: 'app', scopes: [] }),
    );
    const created = await stack.admin.post('/v1/apps', {
      name: 'Readable',
      type: 'confidential',
      applicationScopes: ['BI.Invoices.Read'],
      firstSecret: {
        description: 'soon',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    appId = created.body.client_id;
    registeredAt = created.body.app.createdAt;
    await stack.admin.patch(`/v1/apps/${appId}`, { name: 'Readable 2' }, { 'if-match': '"1"' });
  });
  afterAll(() => stack?.close());

  it('GET /v1/apps lists the app; a name filter finds it, others do not', async () => {
    const all = await stack.reader.get('/v1/apps?limit=100');
    const found = await stack.reader.get('/v1/apps?name=readable%202');
    const none = await stack.reader.get('/v1/apps?name=nothing-like-it');

    expect(all.body.items.map((a: { id: string }) => a.id)).toContain(appId);
    expect(found.body.items.map((a: { id: string }) => a.id)).toEqual([appId]);
    expect(none.body.items).toEqual([]);
  });

  it('GET /v1/apps/{id} answers the current app with its ETag, or with asOf the app back then', async () => {
    const now = await stack.reader.get(`/v1/apps/${appId}`);
    const then = await stack.reader.get(
      `/v1/apps/${appId}?asOf=${encodeURIComponent(registeredAt)}`,
    );
    const missing = await stack.reader.get('/v1/apps/no-such-app');

    expect(now.headers.get('etag')).toBe('"2"');
    expect(now.body).toMatchObject({ name: 'Readable 2', version: 2 });
    expect(then.body).toMatchObject({ name: 'Readable', version: 1 });
    expect(missing.status).toBe(404);
  });

  it('GET /v1/apps/{id}/history shows who changed what, with before and after', async () => {
    const history = await stack.reader.get(`/v1/apps/${appId}/history`);

    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'ExternalAppRegistered',
      'ExternalAppRenamed',
    ]);
    expect(history.body.items[1]).toMatchObject({
      actor: { type: 'app', id: 'e2e-admin' },
      data: { before: 'Readable', after: 'Readable 2' },
    });
    expect(JSON.stringify(history.body)).not.toContain('sha256:');
  });

  it('GET /v1/expiring-secrets lists the secret expiring within the window', async () => {
    const expiring = await stack.reader.get('/v1/expiring-secrets?withinDays=2');

    expect(expiring.body.items).toContainEqual(
      expect.objectContaining({ appId, description: 'soon' }),
    );
  });

  it('GET /v1/resources serves the catalog of RESOURCE_CATALOG_FILE, which commands use', async () => {
    expect((await stack.reader.get('/v1/resources')).body).toEqual(catalog);
    expect((await stack.reader.get(`/v1/apps/${appId}`)).body.applicationScopes).toEqual([
      { resource: 'BillingApi', scope: 'BI.Invoices.Read' },
    ]);
  });

  it('answers 401 without a token and 403 without the read scope', async () => {
    for (const path of ['/v1/apps', `/v1/apps/${appId}`, '/v1/resources', '/v1/expiring-secrets']) {
      expect((await stack.anonymous.get(path)).status).toBe(401);
      expect((await scopeless.get(path)).status).toBe(403);
    }
  });
});
