import { RestartableKafka, startRestartableKafka } from '@extapps/infra';
import { eventually } from '@extapps/testing';
import { withRawDb } from './testing/raw-db';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';
import { readRegistrationTopic, TopicReader } from './testing/topic-reader';

// A Kafka of its own, which this suite stops and starts again (the shared one must stay up).
jest.setTimeout(180_000);

describe('Kafka stopped during commands (real MongoDB, a restartable Kafka)', () => {
  let kafka: RestartableKafka;
  let stack: RegistrationStack;
  let topic: TopicReader | undefined;

  beforeAll(async () => {
    kafka = await startRestartableKafka({ log: () => undefined });
    stack = await startRegistrationStack({ KAFKA_BROKERS: kafka.brokers.join(',') });
  });
  afterAll(async () => {
    // A failed test may leave the broker down; the service would then close only after its
    // producer gave up.
    if (kafka && !kafka.isRunning()) await kafka.start();
    await topic?.stop();
    await stack?.close();
    await kafka?.destroy();
  });

  const storedTypes = (appId: string) =>
    withRawDb(stack.env, async (db) =>
      (
        await db.collection('events').find({ streamId: appId }).sort({ streamVersion: 1 }).toArray()
      ).map((d) => `${d['streamVersion']}:${d['type']}`),
    );

  const pendingCount = () =>
    withRawDb(stack.env, (db) => db.collection('events').countDocuments({ 'pending.kafka': true }));

  it('keeps accepting commands, then publishes everything in stream order once Kafka is back', async () => {
    const before = await stack.admin.post('/v1/apps', { name: 'Before', type: 'confidential' });
    const first = before.body.client_id as string;
    await eventually(async () => expect(await pendingCount()).toBe(0), { timeoutMs: 60_000 });

    await kafka.stop();
    const during = [
      await stack.admin.patch(`/v1/apps/${first}`, { name: 'During 1' }, { 'if-match': '"1"' }),
      await stack.admin.post(`/v1/apps/${first}/disable`),
      await stack.admin.post(`/v1/apps/${first}/secrets`, { description: 'while down' }),
      await stack.admin.patch(`/v1/apps/${first}`, { name: 'During 2' }, { 'if-match': '*' }),
      await stack.admin.post('/v1/apps', { name: 'Born while down', type: 'confidential' }),
    ];
    expect(during.map((r) => r.status)).toEqual([200, 200, 201, 200, 201]);
    const second = during[4]?.body.client_id as string;

    // Nothing of it could be published: all of it waits in the outbox.
    expect(await pendingCount()).toBe(during.length);
    await kafka.start();
    topic = await readRegistrationTopic(kafka.brokers);
    for (const appId of [first, second]) {
      const stored = await storedTypes(appId);
      await eventually(
        () => {
          const published = topic?.publishedOf(appId) ?? [];
          expect(published.map((e) => `${e.streamVersion}:${e.type}`)).toEqual(stored);
        },
        { timeoutMs: 90_000, intervalMs: 250 },
      );
      // At least once: a redelivery may repeat an event, but never before an earlier version.
      const arrival = (topic?.eventsOf(appId) ?? []).map((e) => e.streamVersion);
      const firstSeen = arrival.filter((v, i) => arrival.indexOf(v) === i);
      expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
    }
    expect(await storedTypes(first)).toHaveLength(5);
  });
});
