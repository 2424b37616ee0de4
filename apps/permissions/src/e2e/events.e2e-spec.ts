import { uniqueName, eventually } from '@extapps/testing';
import { PermissionsStack, startPermissionsStack } from './testing/permissions-stack';
import { createFolder, createTenant, folderPath } from './testing/tenant-api';
import { readPermissionsTopic, TopicReader } from './testing/topic-reader';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('tenant events on extapps.permissions.events.v1 (real Kafka and MongoDB)', () => {
  let stack: PermissionsStack;
  let topic: TopicReader;

  beforeAll(async () => {
    stack = await startPermissionsStack();
    topic = await readPermissionsTopic(String(stack.env['KAFKA_BROKERS']).split(','));
  });
  afterAll(async () => {
    await topic?.stop();
    await stack?.close();
  });

  it('publishes every change, keyed by tenant id, in stream order, with before and after', async () => {
    const name = uniqueName('Published');
    const tenantId = await createTenant(stack.admin, name);
    const parent = await createFolder(stack.admin, tenantId, 'Parent');
    const child = await createFolder(stack.admin, tenantId, 'Child');
    await stack.admin.patch(folderPath(tenantId, child), { parentId: parent }, { 'if-match': '*' });
    await stack.admin.delete(`${folderPath(tenantId, parent)}?cascade=true`);

    const published = await eventually(() => {
      const events = topic.publishedOf(tenantId);
      expect(events).toHaveLength(5);
      return events;
    });

    expect(published.map((e) => `${e.streamVersion}:${e.type}`)).toEqual([
      '1:TenantCreated',
      '2:FolderCreated',
      '3:FolderCreated',
      '4:FolderMoved',
      '5:FolderDeleted',
    ]);
    expect(published[0]?.data).toEqual({ tenantId, before: null, after: { name } });
    expect(published[3]?.data).toMatchObject({
      before: { name: 'Child', parentId: null },
      after: { name: 'Child', parentId: parent },
    });
    expect(published[4]?.data).toMatchObject({ descendantIds: [child], after: null });
    expect(published.every((e) => e.actor.id === 'e2e-admin')).toBe(true);
  });
});
