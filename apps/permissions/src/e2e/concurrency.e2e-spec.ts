import { uniqueName } from '@extapps/testing';
import { PermissionsStack, startPermissionsStack } from './testing/permissions-stack';
import { withRawDb } from './testing/raw-db';
import { createFolder, createTenant, folderPath, versionOf } from './testing/tenant-api';

const CONCURRENT = 20;

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('concurrent writes to one tenant over HTTP (real Kafka and MongoDB)', () => {
  let stack: PermissionsStack;

  beforeAll(async () => {
    stack = await startPermissionsStack();
  });
  afterAll(() => stack?.close());

  const versionsOf = (tenantId: string) =>
    withRawDb(stack.env, async (db) =>
      (await db.collection('events').find({ streamId: tenantId }).toArray())
        .map((d) => d['streamVersion'] as number)
        .sort((a, b) => a - b),
    );

  it('two PATCHes with the same If-Match at once: one 200, the other 412 or 409', async () => {
    const tenantId = await createTenant(stack.admin, uniqueName('Race'));
    const folderId = await createFolder(stack.admin, tenantId, 'Contended');
    const a = await createFolder(stack.admin, tenantId, 'A');
    const b = await createFolder(stack.admin, tenantId, 'B');

    const responses = await Promise.all(
      [a, b].map((parentId) =>
        stack.admin.patch(folderPath(tenantId, folderId), { parentId }, { 'if-match': '"4"' }),
      ),
    );

    const statuses = responses.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([409, 412]).toContain(statuses[1]);
    const loser = responses.find((r) => r.status !== 200);
    expect(loser?.body).toMatchObject({
      type: expect.stringMatching(
        /^urn:extapps:problem:(concurrent-modification|version-mismatch)$/,
      ),
      currentVersion: 5,
    });
    expect(await versionsOf(tenantId)).toEqual([1, 2, 3, 4, 5]);
  });

  it(`${CONCURRENT} folder creations at once: each version won once, the losers get 409 concurrent-modification`, async () => {
    const tenantId = await createTenant(stack.admin, uniqueName('Burst'));

    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        stack.admin.post(`/v1/tenants/${tenantId}/folders`, { name: `Folder ${i}` }),
      ),
    );

    const won = responses.filter((r) => r.status === 201);
    const lost = responses.filter((r) => r.status !== 201);
    expect(won.length).toBeGreaterThan(0);
    for (const response of lost) {
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        type: 'urn:extapps:problem:concurrent-modification',
        currentVersion: expect.any(Number),
      });
    }
    const wonVersions = won.map(versionOf).sort((x, y) => x - y);
    expect(await versionsOf(tenantId)).toEqual([1, ...wonVersions]);
    expect(wonVersions).toEqual(Array.from({ length: won.length }, (_, i) => i + 2));
    const listed = await stack.reader.get(`/v1/tenants/${tenantId}/folders`);
    expect(listed.body.folders).toHaveLength(won.length);
  });

  it('two tenants created with one name at once: one 201, one 409 tenant-name-taken', async () => {
    const name = uniqueName('Twin');

    const responses = await Promise.all([
      stack.admin.post('/v1/tenants', { name }),
      stack.admin.post('/v1/tenants', { name: name.toLowerCase() }),
    ]);

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.status === 409)?.body.code).toBe('tenant-name-taken');
  });
});
