import { deadLetterTopic, ExternalAppEnabled, TokenIssued, Topics } from '@extapps/contracts';
import { DeadLetterHeaders, KafkaBus } from '@extapps/messaging';
import { kafkaTestOptions, recordTopic, TopicRecorder } from '@extapps/event-store/testing';
import { connectMongo } from '@extapps/mongo';
import { eventually, uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import { eventOf } from '../normalization/testing/audit-events';
import { AuditRecord } from '../records/audit-record';
import { TestPublisher } from '../e2e/testing/publish';
import { AuditIngestion } from './audit-ingestion';
import { IngestionPipeline } from './ingestion-pipeline';
import { PendingRecordStore } from './pending-record.store';
import {
  caughtUp,
  ingestionOn,
  oneEventPerTopic,
  pendingOf,
  recordOf,
} from './testing/ingestion-fixture';

describe('AuditIngestion on Kafka and MongoDB-wire', () => {
  let db: Connection;
  let bus: KafkaBus;
  let publisher: TestPublisher;
  let ingestion: AuditIngestion;
  let pipeline: IngestionPipeline;
  let groupId: string;
  const recorders: TopicRecorder[] = [];

  beforeAll(async () => {
    db = await connectMongo({
      url: String(process.env['MONGO_URL']),
      dbName: uniqueName('t_ingest'),
    });
    bus = new KafkaBus(kafkaTestOptions('audit-ingest'));
    publisher = new TestPublisher();
    ({ ingestion, pipeline, groupId } = ingestionOn(bus, new PendingRecordStore(db)));
    await ingestion.start();
  });
  afterAll(async () => {
    await Promise.all(recorders.map((r) => r.stop()));
    await ingestion?.beforeApplicationShutdown();
    await bus?.close();
    await publisher?.close();
    await db?.close();
  });

  it('stores one normalized pending record per event, from each audited topic', async () => {
    const published = oneEventPerTopic(uniqueName('app'));
    for (const { topic, event } of published) await publisher.publish(topic, [event]);
    const ids = published.map(({ event }) => event.eventId);

    const pending = await eventually(async () => {
      const found = await pendingOf(db, ids);
      expect(found).toHaveLength(3);
      return found.map(recordOf);
    });

    expect(pending.map((p) => [p.source, p.action]).sort()).toEqual([
      [Topics.permissionsEvents, 'role.assigned'],
      [Topics.registrationEvents, 'app.renamed'],
      [Topics.tokenEvents, 'client.authentication-failed'],
    ]);
    const renamed = pending.find((p) => p.action === 'app.renamed');
    expect(renamed?.changes).toEqual({ before: { name: 'Old' }, after: { name: 'New' } });
  });

  it('given the same event delivered again (and again later), then it is stored once', async () => {
    const appId = uniqueName('app');
    const event = eventOf(ExternalAppEnabled, {}, { streamId: appId });
    const duplicatesBefore = pipeline.stats.snapshot().duplicates;

    await publisher.publish(Topics.registrationEvents, [event, event]);
    await caughtUp(bus, groupId);
    await publisher.publish(Topics.registrationEvents, [event]);
    await caughtUp(bus, groupId);

    expect(await pendingOf(db, [event.eventId])).toHaveLength(1);
    expect(pipeline.stats.snapshot().duplicates - duplicatesBefore).toBe(2);
  });

  it('given a backlog, then a new group stores it a batch at a time, each event once', async () => {
    const events = Array.from({ length: 300 }, (_, i) =>
      eventOf(ExternalAppEnabled, {}, { streamId: uniqueName(`batch-${i % 7}`) }),
    );
    const ids = events.map((e) => e.eventId);
    await publisher.publish(Topics.registrationEvents, events);
    const store = new PendingRecordStore(db);
    const batchSizes: number[] = [];
    const counting = {
      add: (records: readonly AuditRecord[]) => (
        batchSizes.push(records.length),
        store.add(records)
      ),
    };
    const fresh = ingestionOn(bus, counting, {}, 100);

    await fresh.ingestion.start();

    await eventually(async () => expect(await pendingOf(db, ids)).toHaveLength(300), {
      timeoutMs: 30_000,
    });
    await caughtUp(bus, fresh.groupId);
    await fresh.ingestion.beforeApplicationShutdown();
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(100);
    // Everything published before (these 300 and earlier tests' events) came in few inserts.
    expect(batchSizes.length).toBeLessThan(batchSizes.reduce((sum, n) => sum + n, 0) / 10);
  });

  it('parks poison on the dead-letter topic, counts it, and goes on with the next event', async () => {
    const key = uniqueName('poison');
    const dlq = deadLetterTopic(groupId, Topics.registrationEvents);
    const parked = await recordTopic(bus, dlq);
    recorders.push(parked);
    // A token event is valid, but no registration event: it has no business on this topic.
    const misplaced = eventOf(TokenIssued, {
      clientId: 'app-1',
      grantType: 'client_credentials',
      subject: 'app-1',
      subjectType: 'app',
      scope: 'OR.Jobs',
      audience: ['OrchestratorApi'],
      jti: 'j-1',
      expiresAt: '2026-05-04T11:00:00.000Z',
      secretId: null,
    });
    const after = eventOf(ExternalAppEnabled, {}, { streamId: key });
    const refusedBefore = pipeline.stats.snapshot().refused;

    await publisher.publishRaw(Topics.registrationEvents, [
      { key, value: '{"not": "an event"' },
      { key, value: JSON.stringify(misplaced) },
    ]);
    await publisher.publish(Topics.registrationEvents, [after]);

    await eventually(async () => expect(await pendingOf(db, [after.eventId])).toHaveLength(1));
    const letters = await eventually(() => {
      const mine = parked.messages.filter((m) => m.key === key);
      expect(mine).toHaveLength(2);
      return mine;
    });
    expect(letters.map((m) => m.headers[DeadLetterHeaders.error])).toEqual([
      expect.stringMatching(/^not a valid event: /),
      expect.stringMatching(/unknown event: TokenIssued at schema version 1/),
    ]);
    expect(letters[1]?.value.toString()).toBe(JSON.stringify(misplaced));
    expect(await pendingOf(db, [misplaced.eventId])).toEqual([]);
    const { refused, recentlyRefused } = pipeline.stats.snapshot();
    expect(refused - refusedBefore).toBe(2);
    expect(recentlyRefused.slice(-2).map((r) => r.topic)).toEqual([
      Topics.registrationEvents,
      Topics.registrationEvents,
    ]);
  });
});
