import { uniqueName } from '@extapps/testing';
import { PermissionsStack, startPermissionsStack } from './testing/permissions-stack';
import { createTenant, folderPath } from './testing/tenant-api';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('tenant routes: tokens, scopes and preconditions (real Kafka and MongoDB)', () => {
  let stack: PermissionsStack;
  let tenantId: string;

  beforeAll(async () => {
    stack = await startPermissionsStack();
    tenantId = await createTenant(stack.admin, uniqueName('Guarded'));
  });
  afterAll(() => stack?.close());

  const reads = () => ['/v1/tenants', `/v1/tenants/${tenantId}`, `/v1/tenants/${tenantId}/folders`];

  it('answers 401 problem+json with a Bearer challenge without a token', async () => {
    for (const path of reads()) {
      const response = await stack.anonymous.get(path);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await stack.anonymous.post('/v1/tenants', { name: 'X' })).status).toBe(401);
  });

  it('answers 403 to a token without the permissions scopes', async () => {
    for (const path of reads()) expect((await stack.outsider.get(path)).status).toBe(403);
  });

  it('lets the read scope read but not write (403 insufficient_scope)', async () => {
    for (const path of reads()) expect((await stack.reader.get(path)).status).toBe(200);

    const writes = [
      await stack.reader.post('/v1/tenants', { name: uniqueName('Nope') }),
      await stack.reader.patch(`/v1/tenants/${tenantId}`, { name: 'X' }, { 'if-match': '*' }),
      await stack.reader.delete(`/v1/tenants/${tenantId}`),
      await stack.reader.post(`/v1/tenants/${tenantId}/folders`, { name: 'X' }),
      await stack.reader.delete(folderPath(tenantId, 'any')),
    ];
    for (const response of writes) {
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toContain('insufficient_scope');
    }
  });

  it('requires If-Match on PATCH (428) and refuses a stale one (412 with currentVersion)', async () => {
    const missing = await stack.admin.patch(`/v1/tenants/${tenantId}`, { name: 'X' });
    const stale = await stack.admin.patch(
      `/v1/tenants/${tenantId}`,
      { name: 'X' },
      { 'if-match': '"99"' },
    );
    const malformed = await stack.admin.delete(`/v1/tenants/${tenantId}`, { 'if-match': 'v1' });

    expect(missing.status).toBe(428);
    expect(missing.body.type).toBe('urn:extapps:problem:if-match-required');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({
      type: 'urn:extapps:problem:version-mismatch',
      currentVersion: 1,
    });
    expect(malformed.status).toBe(400);
    expect((await stack.reader.get(`/v1/tenants/${tenantId}`)).body.version).toBe(1);
  });

  it('refuses a stale If-Match on DELETE with 412, and an unknown query parameter with 400', async () => {
    const stale = await stack.admin.delete(`/v1/tenants/${tenantId}`, { 'if-match': '"7"' });
    const unknown = await stack.admin.delete(`/v1/tenants/${tenantId}?force=true`);

    expect(stale.status).toBe(412);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'force', message: 'unknown parameter' }]);
  });
});
