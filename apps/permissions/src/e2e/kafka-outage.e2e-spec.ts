import { RestartableKafka, startRestartableKafka } from '@extapps/infra';
import { eventually, uniqueName } from '@extapps/testing';
import { PermissionsStack, startPermissionsStack } from './testing/permissions-stack';
import { withRawDb } from './testing/raw-db';
import { createFolder, createTenant, folderPath } from './testing/tenant-api';
import { readPermissionsTopic, TopicReader } from './testing/topic-reader';

// A Kafka of its own, which this suite stops and starts again (the shared one must stay up).
jest.setTimeout(180_000);

describe('Kafka stopped during tenant commands (real MongoDB, a restartable Kafka)', () => {
  let kafka: RestartableKafka;
  let stack: PermissionsStack;
  let topic: TopicReader | undefined;

  beforeAll(async () => {
    kafka = await startRestartableKafka({ log: () => undefined });
    stack = await startPermissionsStack({ KAFKA_BROKERS: kafka.brokers.join(',') });
  });
  afterAll(async () => {
    // A failed test may leave the broker down; the service would then close only after its
    // producer gave up.
    if (kafka && !kafka.isRunning()) await kafka.start();
    await topic?.stop();
    await stack?.close();
    await kafka?.destroy();
  });

  const storedOf = (tenantId: string) =>
    withRawDb(stack.env, async (db) =>
      (
        await db
          .collection('events')
          .find({ streamId: tenantId })
          .sort({ streamVersion: 1 })
          .toArray()
      ).map((d) => `${d['streamVersion']}:${d['type']}`),
    );
  const pendingCount = () =>
    withRawDb(stack.env, (db) => db.collection('events').countDocuments({ 'pending.kafka': true }));

  it('keeps accepting commands, then publishes everything in stream order once Kafka is back', async () => {
    const first = await createTenant(stack.admin, uniqueName('Before'));
    await eventually(async () => expect(await pendingCount()).toBe(0), { timeoutMs: 60_000 });

    await kafka.stop();
    const folder = await createFolder(stack.admin, first, 'While down');
    const renamed = await stack.admin.patch(
      folderPath(first, folder),
      { name: 'Still down' },
      { 'if-match': '"2"' },
    );
    const second = await createTenant(stack.admin, uniqueName('Born while down'));
    expect(renamed.status).toBe(200);

    // Nothing of it could be published: all of it waits in the outbox.
    expect(await pendingCount()).toBe(3);
    await kafka.start();
    topic = await readPermissionsTopic(kafka.brokers);
    for (const tenantId of [first, second]) {
      const stored = await storedOf(tenantId);
      await eventually(
        () => {
          const published = topic?.publishedOf(tenantId) ?? [];
          expect(published.map((e) => `${e.streamVersion}:${e.type}`)).toEqual(stored);
        },
        { timeoutMs: 90_000, intervalMs: 250 },
      );
      // At least once: a redelivery may repeat an event, but never before an earlier version.
      const arrival = (topic?.eventsOf(tenantId) ?? []).map((e) => e.streamVersion);
      const firstSeen = arrival.filter((v, i) => arrival.indexOf(v) === i);
      expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
    }
    expect(await storedOf(first)).toEqual([
      '1:TenantCreated',
      '2:FolderCreated',
      '3:FolderRenamed',
    ]);
  });
});
