import { EventRegistry, systemClock, TokenEvent, tokenEvents, Topics } from '@extapps/contracts';
import {
  kafkaTestOptions,
  mongoTestDatabase,
  recordTopic,
  TopicRecorder,
} from '@extapps/event-store/testing';
import { MongoLease, OutboxRelay } from '@extapps/event-store';
import { KafkaBus } from '@extapps/messaging';
import { connectMongo } from '@extapps/mongo';
import { eventually, uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import { MongoTokenOutbox } from './outbox/mongo-token-outbox';
import { OutboxTokenEventSink } from './outbox-token-event-sink';
import { startMongoProxy } from './testing/mongo-proxy';
import { requestMeta, tokenIssuedRecord } from './testing/token-event-samples';
import { TokenEventsUnavailable } from './token-event-sink';
import { createTokenEventsRelay, TOKEN_EVENTS_PARTITIONS } from './token-events-relay';

const connection = mongoTestDatabase('token_events');
const registry = new EventRegistry(tokenEvents);
const limits = { maxBatch: 500, maxWaiting: 10_000, timeoutMs: 2_000 };

describe('token events on MongoDB and Kafka', () => {
  let bus: KafkaBus;
  let topic: TopicRecorder;
  beforeAll(async () => {
    bus = new KafkaBus(kafkaTestOptions('token-events'));
    await bus.ensureTopics([{ topic: Topics.tokenEvents, partitions: TOKEN_EVENTS_PARTITIONS }]);
    topic = await recordTopic(bus, Topics.tokenEvents);
  });
  afterAll(async () => {
    await topic?.stop();
    await bus?.close();
  });

  /** The events on the topic keyed by `clientId`, checked to be keyed by their stream. */
  const publishedOf = (clientId: string): TokenEvent[] =>
    topic.messages
      .filter((m) => m.key === clientId)
      .map((m) => registry.parse(JSON.parse(m.value.toString('utf8'))) as TokenEvent)
      .filter((e) => e.streamId === clientId);

  const relayOn = (outbox: MongoTokenOutbox, leaseName: string) =>
    createTokenEventsRelay({
      outbox,
      bus,
      lease: new MongoLease(connection(), {
        name: leaseName,
        owner: uniqueName('instance'),
        ttlMs: 30_000,
        clock: systemClock,
      }),
      pollIntervalMs: 200,
    });

  it('publishes recorded events with their envelopes intact, keyed by client, and empties the outbox', async () => {
    const outbox = new MongoTokenOutbox(connection(), uniqueName('outbox'));
    const relay: OutboxRelay = relayOn(outbox, uniqueName('lease'));
    const sink = new OutboxTokenEventSink({ ...limits, outbox, onStored: () => relay.kick() });
    relay.start();
    try {
      const clientId = uniqueName('app');
      const requests = [1, 2, 3, 4].map(() => ({
        record: tokenIssuedRecord(clientId, 'sec-1'),
        meta: requestMeta(clientId, 'curl/8'),
      }));
      await Promise.all(requests.map(({ record, meta }) => sink.record([record], meta)));
      const metas = requests.map((r) => r.meta);
      const records = requests.map((r) => r.record);

      const published = await eventually(() => {
        const found = publishedOf(clientId);
        expect(found).toHaveLength(4);
        return found;
      });
      expect(new Set(published.map((e) => e.eventId)).size).toBe(4);
      expect(published.map((e) => e.correlationId).sort()).toEqual(
        metas.map((m) => m.correlationId).sort(),
      );
      expect(published.map((e) => (e.type === 'TokenIssued' ? e.data.jti : null)).sort()).toEqual(
        records.map((r) => (r.payload.type === 'TokenIssued' ? r.payload.data.jti : null)).sort(),
      );
      expect(published[0]).toMatchObject({
        type: 'TokenIssued',
        schemaVersion: 1,
        streamVersion: 1,
        occurredAt: '2026-01-01T00:00:00.000Z',
        actor: { type: 'app', id: clientId, ip: '203.0.113.9', userAgent: 'curl/8' },
        causationId: null,
        data: { clientId, secretId: 'sec-1', grantType: 'client_credentials' },
      });
      await eventually(async () => expect(await outbox.pending(10)).toEqual([]));
    } finally {
      await relay.stop();
    }
  });

  it('publishes at the next start what a run left in the outbox (a crash after record resolved)', async () => {
    const outbox = new MongoTokenOutbox(connection(), uniqueName('outbox'));
    const crashed = new OutboxTokenEventSink({ ...limits, outbox });
    const clientId = uniqueName('app');
    for (let i = 0; i < 3; i++)
      await crashed.record([tokenIssuedRecord(clientId)], requestMeta(clientId));
    const left = (await outbox.pending(10)).map(({ event }) => event);
    expect(left).toHaveLength(3);

    const restarted = relayOn(outbox, uniqueName('lease'));
    restarted.start();
    try {
      // Byte for byte what was recorded, as the relay found it in the outbox.
      await eventually(() => expect(publishedOf(clientId)).toEqual(left));
      await eventually(async () => expect(await outbox.pending(10)).toEqual([]));
    } finally {
      await restarted.stop();
    }
  });

  it('publishes what two instances record, through whichever holds the lease', async () => {
    const collection = uniqueName('outbox');
    const lease = uniqueName('lease');
    const instances = [1, 2].map(() => {
      const outbox = new MongoTokenOutbox(connection(), collection);
      const relay = relayOn(outbox, lease);
      const sink = new OutboxTokenEventSink({ ...limits, outbox, onStored: () => relay.kick() });
      return { outbox, relay, sink };
    });
    instances.forEach(({ relay }) => relay.start());
    try {
      const clientId = uniqueName('app');
      await Promise.all(
        instances.flatMap(({ sink }) =>
          [1, 2, 3].map(() => sink.record([tokenIssuedRecord(clientId)], requestMeta(clientId))),
        ),
      );

      await eventually(() => expect(publishedOf(clientId)).toHaveLength(6));
      await eventually(async () => expect(await instances[0]?.outbox.pending(10)).toEqual([]));
    } finally {
      await Promise.all(instances.map(({ relay }) => relay.stop()));
    }
  });

  describe('with MongoDB unreachable', () => {
    let proxied: Connection;
    let proxy: Awaited<ReturnType<typeof startMongoProxy>>;
    beforeAll(async () => {
      proxy = await startMongoProxy();
      proxied = await connectMongo({
        url: proxy.url,
        dbName: uniqueName('token_events_down'),
        serverSelectionTimeoutMs: 1_000,
      });
    });
    afterAll(async () => {
      proxy?.restore();
      await proxied?.dropDatabase().catch(() => undefined);
      await proxied?.close();
      await proxy?.close();
    });

    it('rejects record with TokenEventsUnavailable, and records again once MongoDB is back', async () => {
      const outbox = new MongoTokenOutbox(proxied, uniqueName('outbox'));
      const sink = new OutboxTokenEventSink({ ...limits, timeoutMs: 500, outbox });
      const record = () => sink.record([tokenIssuedRecord('app-down')], requestMeta('app-down'));
      await record();

      proxy.cut();
      await expect(record()).rejects.toBeInstanceOf(TokenEventsUnavailable);

      proxy.restore();
      await eventually(() => record(), { timeoutMs: 30_000, intervalMs: 200 });
      expect((await outbox.pending(10)).length).toBeGreaterThanOrEqual(2);
    });
  });
});
