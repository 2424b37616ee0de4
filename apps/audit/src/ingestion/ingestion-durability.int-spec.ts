import { ExternalAppRenamed, Topics } from '@extapps/contracts';
import { kafkaTestOptions } from '@extapps/event-store/testing';
import { RestartableKafka, startRestartableKafka } from '@extapps/infra';
import { KafkaBus } from '@extapps/messaging';
import { connectMongo } from '@extapps/mongo';
import { eventually, uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import { TestPublisher } from '../e2e/testing/publish';
import { eventOf } from '../normalization/testing/audit-events';
import { AuditCollections } from '../records/audit-record';
import { PendingRecordStore } from './pending-record.store';
import { spawnIngestion } from './testing/ingest-child';
import { caughtUp, ingestionOn } from './testing/ingestion-fixture';

// A Kafka of its own, which this suite stops and starts again (the shared one must stay up), and
// whose topics hold only this suite's events.
jest.setTimeout(180_000);

const topic = Topics.registrationEvents;
const renames = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    eventOf(
      ExternalAppRenamed,
      { before: `v${i}`, after: `v${i + 1}` },
      { streamId: uniqueName('app') },
    ),
  );

describe('ingestion durability (a restartable Kafka, real MongoDB-wire)', () => {
  let kafka: RestartableKafka;
  let bus: KafkaBus;
  let publisher: TestPublisher;
  let db: Connection;
  const dbName = uniqueName('t_durable');

  beforeAll(async () => {
    kafka = await startRestartableKafka({ log: () => undefined });
    bus = new KafkaBus(kafkaTestOptions('durability', kafka.brokers));
    publisher = new TestPublisher(kafka.brokers);
    db = await connectMongo({ url: String(process.env['MONGO_URL']), dbName });
    // One partition: a consumer gets the whole backlog as one batch, so a kill lands mid-batch.
    await bus.ensureTopics([{ topic, partitions: 1 }]);
  });
  afterAll(async () => {
    if (kafka && !kafka.isRunning()) await kafka.start();
    await publisher?.close();
    await bus?.close();
    await db?.close();
    await kafka?.destroy();
  });

  const pendingCount = (eventIds: readonly string[]) =>
    db
      .collection(AuditCollections.pending)
      .countDocuments({ _id: { $in: [...eventIds] } } as object);
  const committed = async (groupId: string) =>
    Number((await bus.committedOffsets(groupId, topic))[0]?.offset ?? '0');

  it('given the consumer killed (SIGKILL) mid-batch, then a new one stores the rest and loses nothing', async () => {
    const events = renames(400);
    const ids = events.map((e) => e.eventId);
    await publisher.publish(topic, events);
    const env = {
      KAFKA_BROKERS: kafka.brokers.join(','),
      MONGO_DB: dbName,
      INGESTION_GROUP_ID: uniqueName('crash'),
    };

    // Batches of 40; the one that would pass 100 records stores half of itself and hangs.
    const first = spawnIngestion({
      ...env,
      INGESTION_BATCH_SIZE: '40',
      HANG_MID_BATCH_AFTER_STORED: '100',
    });
    await first.storedAtLeast(100);
    await first.stop('SIGKILL');
    const storedAtKill = await pendingCount(ids);
    const committedAtKill = await committed(env.INGESTION_GROUP_ID);
    // Stored but not committed: the work a crash puts at risk.
    expect(committedAtKill).toBeLessThan(storedAtKill);
    expect(committedAtKill).toBeGreaterThan(0);
    expect(storedAtKill).toBeLessThan(400);

    const second = spawnIngestion(env);
    await eventually(async () => expect(await pendingCount(ids)).toBe(400), { timeoutMs: 90_000 });
    await eventually(async () => expect(await committed(env.INGESTION_GROUP_ID)).toBe(400));
    await second.stop('SIGTERM');

    // Everything stored but uncommitted came again, and added nothing.
    expect(second.totals.duplicates).toBe(storedAtKill - committedAtKill);
    expect(second.totals.stored).toBe(400 - storedAtKill);
  });

  it('given Kafka stopped and started again while ingesting, then every event is stored once', async () => {
    const { ingestion, pipeline, groupId } = ingestionOn(bus, new PendingRecordStore(db));
    await ingestion.start();
    const before = renames(200);
    const after = renames(50);
    const ids = [...before, ...after].map((e) => e.eventId);

    await publisher.publish(topic, before);
    await eventually(() => expect(pipeline.stats.snapshot().stored).toBeGreaterThan(0), {
      intervalMs: 5,
    });
    await kafka.stop();
    await kafka.start();
    await publisher.publish(topic, after);

    await eventually(async () => expect(await pendingCount(ids)).toBe(250), { timeoutMs: 90_000 });
    await caughtUp(bus, groupId, 60_000);
    expect(pipeline.stats.snapshot().refused).toBe(0);
    await ingestion.beforeApplicationShutdown();
  });
});
