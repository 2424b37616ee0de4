import { systemClock } from '@extapps/contracts';
import { startRestartableKafka, type RestartableKafka } from '@extapps/infra';
import { EventPublisher, KafkaBus } from '@extapps/messaging';
import { eventually, uniqueName } from '@extapps/testing';
import { MongoLease } from '../lease/mongo-lease';
import { MongoEventStore } from '../mongo/mongo-event-store';
import {
  firstPublications,
  inOrder,
  kafkaTestOptions,
  mongoTestDatabase,
  recordingLogger,
  recordTopic,
  testEvent,
  testEventRegistry,
} from '../testing';
import { OutboxRelay } from './outbox-relay';

const connection = mongoTestDatabase('relay-down');

// A broker of its own: the suite's shared Kafka must never be stopped.
describe('OutboxRelay while Kafka is down', () => {
  let kafka: RestartableKafka;
  let bus: KafkaBus;
  beforeAll(async () => {
    kafka = await startRestartableKafka({ log: () => undefined });
    bus = new KafkaBus(kafkaTestOptions('relay-down', kafka.brokers));
  }, 180_000);
  afterAll(async () => {
    await bus?.close();
    await kafka?.destroy();
  }, 60_000);

  it('keeps appending, then publishes everything in stream order once Kafka is back', async () => {
    const topic = uniqueName('relay-down');
    await bus.ensureTopics([{ topic, partitions: 3 }]);
    const store = new MongoEventStore(connection(), {
      collection: uniqueName('events'),
      queues: ['kafka'],
    });
    await store.init();
    const logger = recordingLogger();
    const relay = new OutboxRelay({
      queue: store.queue('kafka'),
      topic,
      publisher: new EventPublisher(bus.producer, testEventRegistry()),
      lease: new MongoLease(connection(), {
        name: uniqueName('outbox'),
        owner: 'instance-1',
        ttlMs: 60_000,
        clock: systemClock,
      }),
      logger,
      pollIntervalMs: 100,
      backoff: { initialMs: 100, maxMs: 1_000 },
    });
    const append = async (streamId: string, version: number) => {
      await store.append(testEvent(streamId, version), version - 1);
      relay.kick();
    };
    relay.start();
    try {
      await append('a', 1);
      await eventually(async () => expect(await store.queue('kafka').pending(10)).toEqual([]));

      await kafka.stop();
      for (let version = 2; version <= 6; version++) await append('a', version);
      for (const streamId of ['b', 'c']) {
        for (let version = 1; version <= 6; version++) await append(streamId, version);
      }
      await eventually(() => expect(logger.lines.some((l) => l.level === 'warn')).toBe(true), {
        timeoutMs: 60_000,
      });
      expect(await store.queue('kafka').pending(100)).toHaveLength(17);

      await kafka.start();

      await eventually(async () => expect(await store.queue('kafka').pending(100)).toEqual([]), {
        timeoutMs: 60_000,
      });
      const recorder = await recordTopic(bus, topic);
      try {
        await eventually(
          () => expect(firstPublications(recorder.messages)).toEqual(inOrder(['a', 'b', 'c'], 6)),
          { timeoutMs: 30_000 },
        );
      } finally {
        await recorder.stop();
      }
    } finally {
      await relay.stop();
    }
  }, 240_000);
});
