import { uniqueName } from '@extapps/testing';
import { PermissionsStack, startPermissionsStack } from './testing/permissions-stack';
import { withRawDb } from './testing/raw-db';
import { createFolder, createTenant, folderPath, versionOf } from './testing/tenant-api';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('folders over HTTP (real Kafka and MongoDB)', () => {
  let stack: PermissionsStack;

  beforeAll(async () => {
    stack = await startPermissionsStack();
  });
  afterAll(() => stack?.close());

  /** finance/ { payroll/ { archive/ } }, hr/ */
  async function tree() {
    const tenantId = await createTenant(stack.admin, uniqueName('Tree'));
    const finance = await createFolder(stack.admin, tenantId, 'Finance');
    const payroll = await createFolder(stack.admin, tenantId, 'Payroll', finance);
    const archive = await createFolder(stack.admin, tenantId, 'Archive', payroll);
    const hr = await createFolder(stack.admin, tenantId, 'HR');
    return { tenantId, finance, payroll, archive, hr };
  }

  const version = async (tenantId: string) =>
    versionOf(await stack.reader.get(`/v1/tenants/${tenantId}`));

  it('creates nested folders: 201 with Location, the tenant version as ETag, the path', async () => {
    const tenantId = await createTenant(stack.admin, uniqueName('Nested'));
    const parent = await createFolder(stack.admin, tenantId, 'Parent');

    const created = await stack.admin.post(`/v1/tenants/${tenantId}/folders`, {
      name: 'Child',
      parentId: parent,
    });

    expect(created.status).toBe(201);
    const { folderId } = created.body;
    expect(created.body).toEqual({
      tenantId,
      folderId,
      name: 'Child',
      parentId: parent,
      path: [parent],
      version: 3,
    });
    expect(created.headers.get('location')).toBe(folderPath(tenantId, folderId));
    expect(created.headers.get('etag')).toBe('"3"');
    expect((await stack.reader.get(folderPath(tenantId, folderId))).body).toEqual(created.body);
    expect(stack.index.folderExists(tenantId, folderId)).toBe(true);
  });

  it('lists the tree flat (parents first, with parentId) or nested', async () => {
    const { tenantId, finance, payroll, archive, hr } = await tree();

    const flat = await stack.reader.get(`/v1/tenants/${tenantId}/folders`);
    const nested = await stack.reader.get(`/v1/tenants/${tenantId}/folders?format=tree`);

    expect(flat.headers.get('etag')).toBe('"5"');
    expect(flat.body.folders).toEqual([
      { folderId: finance, name: 'Finance', parentId: null },
      { folderId: hr, name: 'HR', parentId: null },
      { folderId: payroll, name: 'Payroll', parentId: finance },
      { folderId: archive, name: 'Archive', parentId: payroll },
    ]);
    expect(nested.body.folders).toEqual([
      {
        folderId: finance,
        name: 'Finance',
        children: [
          {
            folderId: payroll,
            name: 'Payroll',
            children: [{ folderId: archive, name: 'Archive', children: [] }],
          },
        ],
      },
      { folderId: hr, name: 'HR', children: [] },
    ]);
  });

  it('refuses a sibling of the same name ignoring case (409), allows it elsewhere', async () => {
    const { tenantId, finance } = await tree();

    const twin = await stack.admin.post(`/v1/tenants/${tenantId}/folders`, { name: 'hr' });
    expect(twin.status).toBe(409);
    expect(twin.body.type).toBe('urn:extapps:problem:folder-name-taken');
    expect(
      (await stack.admin.post(`/v1/tenants/${tenantId}/folders`, { name: 'HR', parentId: finance }))
        .status,
    ).toBe(201);
  });

  it('moves a folder with its sub-tree, renaming it on arrival when asked', async () => {
    const { tenantId, payroll, archive, hr } = await tree();

    const moved = await stack.admin.patch(
      folderPath(tenantId, payroll),
      { parentId: hr, name: 'Salaries' },
      { 'if-match': '"5"' },
    );

    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: 'Salaries', parentId: hr, path: [hr], version: 6 });
    const child = await stack.reader.get(folderPath(tenantId, archive));
    expect(child.body.path).toEqual([hr, payroll]);
  });

  it('renames a folder, and moves one to the tenant root with parentId null', async () => {
    const { tenantId, payroll, archive } = await tree();

    const renamed = await stack.admin.patch(
      folderPath(tenantId, payroll),
      { name: 'Pay' },
      { 'if-match': '*' },
    );
    const toRoot = await stack.admin.patch(
      folderPath(tenantId, archive),
      { parentId: null },
      { 'if-match': '"6"' },
    );

    expect(renamed.body).toMatchObject({ name: 'Pay', version: 6 });
    expect(toRoot.body).toMatchObject({ parentId: null, path: [], version: 7 });
  });

  it('refuses a move into the folder itself or below it: 422 folder-cycle on parentId', async () => {
    const { tenantId, finance, archive } = await tree();

    for (const parentId of [finance, archive]) {
      const refused = await stack.admin.patch(
        folderPath(tenantId, finance),
        { parentId },
        { 'if-match': '*' },
      );
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        type: 'urn:extapps:problem:folder-cycle',
        errors: [{ field: 'parentId', message: expect.any(String) }],
      });
    }
    expect(await version(tenantId)).toBe(5);
  });

  it('refuses to delete a folder with sub-folders (409 folder-not-empty), deletes the sub-tree with cascade', async () => {
    const { tenantId, finance, payroll, archive } = await tree();

    const refused = await stack.admin.delete(folderPath(tenantId, finance));
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:extapps:problem:folder-not-empty');

    const cascaded = await stack.admin.delete(`${folderPath(tenantId, finance)}?cascade=true`);
    expect(cascaded.status).toBe(204);
    expect(cascaded.headers.get('etag')).toBe('"6"');
    for (const id of [finance, payroll, archive]) {
      const gone = await stack.reader.get(folderPath(tenantId, id));
      expect(gone.status).toBe(404);
      expect(gone.body.type).toBe('urn:extapps:problem:folder-not-found');
    }
    for (const id of [finance, payroll, archive]) {
      expect(stack.index.folderExists(tenantId, id)).toBe(false);
    }
    const [deleted] = await withRawDb(stack.env, (db) =>
      db.collection('events').find({ streamId: tenantId, streamVersion: 6 }).toArray(),
    );
    expect(deleted).toMatchObject({
      type: 'FolderDeleted',
      data: { folderId: finance, descendantIds: [payroll, archive], after: null },
    });
  });

  it('refuses to delete a folder with an assignment unless cascade; deletes an empty one', async () => {
    const { tenantId, hr, archive } = await tree();
    stack.assignIn(tenantId, hr);

    expect((await stack.admin.delete(folderPath(tenantId, hr))).status).toBe(409);
    expect((await stack.admin.delete(folderPath(tenantId, archive))).status).toBe(204);
    expect((await stack.admin.delete(`${folderPath(tenantId, hr)}?cascade=true`)).status).toBe(204);
  });

  it('answers 404 problems for an unknown tenant or folder, and 422 for an unknown parent', async () => {
    const { tenantId } = await tree();
    const unknownTenant = await stack.admin.post('/v1/tenants/nope/folders', { name: 'X' });
    const unknownFolder = await stack.admin.patch(
      folderPath(tenantId, 'nope'),
      { name: 'X' },
      { 'if-match': '*' },
    );
    const malformed = await stack.reader.get(folderPath(tenantId, 'not an id'));
    const unknownParent = await stack.admin.post(`/v1/tenants/${tenantId}/folders`, {
      name: 'X',
      parentId: 'nope',
    });

    expect(unknownTenant.status).toBe(404);
    expect(unknownTenant.body.type).toBe('urn:extapps:problem:tenant-not-found');
    expect(unknownFolder.status).toBe(404);
    expect(unknownFolder.body.type).toBe('urn:extapps:problem:folder-not-found');
    expect(malformed.status).toBe(404);
    expect(unknownParent.status).toBe(422);
    expect(unknownParent.body.type).toBe('urn:extapps:problem:parent-not-found');
  });
});
