import { systemClock } from '@extapps/contracts';
import { EventPublisher, KafkaBus } from '@extapps/messaging';
import { eventually, uniqueName } from '@extapps/testing';
import { MongoLease } from '../lease/mongo-lease';
import { MongoEventStore } from '../mongo/mongo-event-store';
import {
  firstPublications,
  inOrder,
  kafkaTestOptions,
  mongoTestDatabase,
  recordTopic,
  testEvent,
  testEventRegistry,
} from '../testing';
import { OutboxRelay } from './outbox-relay';

const connection = mongoTestDatabase('relay');

describe('OutboxRelay on MongoDB and Kafka', () => {
  const bus = new KafkaBus(kafkaTestOptions('relay'));
  const publisher = new EventPublisher(bus.producer, testEventRegistry());
  const running: { stop(): Promise<unknown> }[] = [];
  afterEach(() => Promise.all(running.splice(0).map((r) => r.stop())), 30_000);
  afterAll(() => bus.close(), 30_000);

  async function setup() {
    const topic = uniqueName('relay');
    await bus.ensureTopics([{ topic, partitions: 3 }]);
    const store = new MongoEventStore(connection(), {
      collection: uniqueName('events'),
      queues: ['kafka'],
    });
    await store.init();
    const lease = uniqueName('outbox');
    const relay = (owner: string) => {
      const started = new OutboxRelay({
        queue: store.queue('kafka'),
        topic,
        publisher,
        lease: new MongoLease(connection(), {
          name: lease,
          owner,
          ttlMs: 2_000,
          clock: systemClock,
        }),
        pollIntervalMs: 50,
        backoff: { initialMs: 50, maxMs: 500 },
      });
      running.push(started);
      return started;
    };
    return { topic, store, relay };
  }

  it('publishes every appended event to the topic, keyed by stream id, in version order', async () => {
    const { topic, store, relay } = await setup();
    const relayA = relay('a');
    relayA.start();
    const appended = [testEvent('s1', 1), testEvent('s2', 1, {}), testEvent('s1', 2)];
    for (const event of appended) {
      await store.append(event, event.streamVersion - 1);
      relayA.kick();
    }

    const recorder = await recordTopic(bus, topic);
    running.push(recorder);
    await eventually(() => expect(recorder.messages).toHaveLength(3), { timeoutMs: 30_000 });
    expect(firstPublications(recorder.messages)).toEqual({ s1: [1, 2], s2: [1] });
    const values = recorder.messages.map((m) => JSON.parse(m.value.toString('utf8')));
    expect(values).toEqual(expect.arrayContaining(appended));
    expect(await store.queue('kafka').pending(10)).toEqual([]);
  }, 60_000);

  it('given two relays sharing a lease and a hand-over, then no stream is published out of order', async () => {
    const { topic, store, relay } = await setup();
    const relays = [relay('a'), relay('b')];
    relays.forEach((r) => r.start());
    const streams = ['s1', 's2', 's3', 's4'];
    const writeStream = async (streamId: string) => {
      for (let version = 1; version <= 10; version++) {
        await store.append(testEvent(streamId, version), version - 1);
        relays.forEach((r) => r.kick());
        // Half-way the first relay goes away: the other one takes over the lease and the queue.
        if (streamId === 's1' && version === 5) await relays[0].stop();
      }
    };

    await Promise.all(streams.map(writeStream));

    const recorder = await recordTopic(bus, topic);
    running.push(recorder);
    await eventually(
      () => expect(firstPublications(recorder.messages)).toEqual(inOrder(streams, 10)),
      { timeoutMs: 30_000 },
    );
    expect(await store.queue('kafka').pending(100)).toEqual([]);
  }, 60_000);
});
