import { eventually, uniqueName } from '@extapps/testing';
import { PermissionsStack, startPermissionsStack } from './testing/permissions-stack';
import { withRawDb } from './testing/raw-db';
import { createFolder, createTenant, versionOf } from './testing/tenant-api';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('tenants over HTTP (real Kafka and MongoDB)', () => {
  let stack: PermissionsStack;

  beforeAll(async () => {
    stack = await startPermissionsStack();
  });
  afterAll(() => stack?.close());

  it('creates a tenant: 201 with Location and ETag, readable at once, in the access index at once', async () => {
    const name = uniqueName('Acme');
    const created = await stack.admin.post('/v1/tenants', { name: `  ${name} ` });

    expect(created.status).toBe(201);
    const { tenantId } = created.body;
    expect(created.body).toEqual({ tenantId, name, folderCount: 0, version: 1 });
    expect(created.headers.get('location')).toBe(`/v1/tenants/${tenantId}`);
    expect(created.headers.get('etag')).toBe('"1"');
    const read = await stack.reader.get(`/v1/tenants/${tenantId}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(stack.index.tenantExists(tenantId)).toBe(true);
  });

  it('stores the event with the caller as actor and the request id as correlation id', async () => {
    const tenantId = await createTenant(stack.admin, uniqueName('Actor'));

    const [stored] = await withRawDb(stack.env, (db) =>
      db.collection('events').find({ streamId: tenantId }).toArray(),
    );
    expect(stored).toMatchObject({
      type: 'TenantCreated',
      streamVersion: 1,
      actor: { type: 'app', id: 'e2e-admin' },
      correlationId: expect.any(String),
      data: { tenantId, before: null },
    });
  });

  it('lists live tenants by cursor pages (the view follows within a moment)', async () => {
    const ids = [
      await createTenant(stack.admin, uniqueName('List')),
      await createTenant(stack.admin, uniqueName('List')),
    ];

    const all = await eventually(async () => {
      const items: { tenantId: string }[] = [];
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = await stack.reader.get(`/v1/tenants?limit=1${query}`);
        expect(page.status).toBe(200);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      }
      expect(items.map((t) => t.tenantId)).toEqual(expect.arrayContaining(ids));
      return items;
    });
    expect(all.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps tenant names unique ignoring case: 409 tenant-name-taken, freed by a rename', async () => {
    const name = uniqueName('Unique');
    const tenantId = await createTenant(stack.admin, name);

    const twin = await stack.admin.post('/v1/tenants', { name: name.toUpperCase() });
    expect(twin.status).toBe(409);
    expect(twin.body).toMatchObject({
      type: 'urn:extapps:problem:tenant-name-taken',
      errors: [{ field: 'name', message: expect.any(String) }],
    });

    const renamed = await stack.admin.patch(
      `/v1/tenants/${tenantId}`,
      { name: `${name} renamed` },
      { 'if-match': '"1"' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: `${name} renamed`, version: 2 });
    expect(renamed.headers.get('etag')).toBe('"2"');
    expect((await stack.admin.post('/v1/tenants', { name })).status).toBe(201);
  });

  it('renaming to the same name changes nothing (a safe retry)', async () => {
    const name = uniqueName('Same');
    const tenantId = await createTenant(stack.admin, name);

    const again = await stack.admin.patch(`/v1/tenants/${tenantId}`, { name }, { 'if-match': '*' });

    expect(again.status).toBe(200);
    expect(versionOf(again)).toBe(1);
  });

  it('deletes an empty tenant: 204, then 404 problem, and its name is free again', async () => {
    const name = uniqueName('Gone');
    const tenantId = await createTenant(stack.admin, name);

    const deleted = await stack.admin.delete(`/v1/tenants/${tenantId}`, { 'if-match': '"1"' });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('etag')).toBe('"2"');

    const read = await stack.reader.get(`/v1/tenants/${tenantId}`);
    expect(read.status).toBe(404);
    expect(read.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(read.body).toMatchObject({ type: 'urn:extapps:problem:tenant-not-found', status: 404 });
    const again = await stack.admin.patch(
      `/v1/tenants/${tenantId}`,
      { name: 'X' },
      { 'if-match': '*' },
    );
    expect(again.body.type).toBe('urn:extapps:problem:tenant-deleted');
    expect((await stack.admin.post('/v1/tenants', { name })).status).toBe(201);
  });

  it('refuses to delete a tenant with folders or assignments unless cascade=true', async () => {
    const withFolder = await createTenant(stack.admin, uniqueName('Full'));
    await createFolder(stack.admin, withFolder, 'Finance');
    const withAssignment = await createTenant(stack.admin, uniqueName('Assigned'));
    stack.assignIn(withAssignment, null);

    for (const tenantId of [withFolder, withAssignment]) {
      const refused = await stack.admin.delete(`/v1/tenants/${tenantId}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ type: 'urn:extapps:problem:tenant-not-empty' });

      const cascaded = await stack.admin.delete(`/v1/tenants/${tenantId}?cascade=true`);
      expect(cascaded.status).toBe(204);
      expect((await stack.reader.get(`/v1/tenants/${tenantId}`)).status).toBe(404);
      expect(stack.index.tenantExists(tenantId)).toBe(false);
    }
  });

  it('drops deleted tenants from the list', async () => {
    const tenantId = await createTenant(stack.admin, uniqueName('Listed'));
    const listed = async () =>
      ((await stack.reader.get('/v1/tenants?limit=500')).body.items as { tenantId: string }[]).map(
        (t) => t.tenantId,
      );
    await eventually(async () => expect(await listed()).toContain(tenantId));

    await stack.admin.delete(`/v1/tenants/${tenantId}`);

    await eventually(async () => expect(await listed()).not.toContain(tenantId));
  });

  it('answers 422 with the field for an invalid name, 400 for an unknown field', async () => {
    const invalid = await stack.admin.post('/v1/tenants', { name: 'a/b' });
    const unknown = await stack.admin.post('/v1/tenants', { name: 'ok', color: 'red' });

    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      type: 'urn:extapps:problem:invalid-name',
      errors: [{ field: 'name', message: expect.any(String) }],
    });
    expect(unknown.status).toBe(400);
  });
});
