import { EventEnvelope } from '@extapps/contracts';
import { EventPublisher, InMemoryBus, OutgoingMessage } from '@extapps/messaging';
import { eventually } from '@extapps/testing';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { manualSleep, recordingLogger, testEvent, testEventRegistry } from '../testing';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';

const TOPIC = 'extapps.test.events.v1';

function setup(options: Partial<OutboxRelayOptions> = {}) {
  const store = new InMemoryEventStore({ queues: ['kafka'] });
  const bus = new InMemoryBus();
  const broker = { down: false, sends: [] as number[] };
  const producer = {
    send: async (topic: string, messages: readonly OutgoingMessage[]) => {
      if (broker.down) throw new Error('broker unreachable');
      broker.sends.push(messages.length);
      await bus.producer.send(topic, messages);
    },
  };
  const time = manualSleep();
  const logger = recordingLogger();
  const relay = new OutboxRelay({
    queue: store.queue('kafka'),
    topic: TOPIC,
    publisher: new EventPublisher(producer, testEventRegistry()),
    pollIntervalMs: 1_000,
    backoff: { initialMs: 100, maxMs: 400 },
    sleep: time.sleep,
    logger,
    ...options,
  });
  const append = async (...events: EventEnvelope[]) => {
    for (const event of events) await store.append(event, event.streamVersion - 1);
  };
  const published = () =>
    bus.published(TOPIC).map((m) => ({ key: m.key, eventId: JSON.parse(String(m.value)).eventId }));
  return { store, relay, broker, time, logger, append, published };
}

const keyed = (events: EventEnvelope[]) =>
  events.map((e) => ({ key: e.streamId, eventId: e.eventId }));

describe('OutboxRelay', () => {
  it('given pending events of several streams, then one send publishes them oldest first, keyed by stream', async () => {
    const { store, relay, broker, append, published } = setup();
    const events = [testEvent('a', 1), testEvent('b', 1), testEvent('a', 2)];
    await append(...events);

    relay.start();

    await eventually(() => expect(published()).toEqual(keyed(events)));
    expect(broker.sends).toEqual([3]);
    await eventually(async () => expect(await store.queue('kafka').pending(10)).toEqual([]));
    await relay.stop();
  });

  it('given more events than a batch, then full batches follow each other without waiting', async () => {
    const { relay, broker, time, append, published } = setup({ batchSize: 2 });
    const events = [1, 2, 3, 4, 5].map((v) => testEvent('a', v));
    await append(...events);

    relay.start();

    await eventually(() => expect(published()).toEqual(keyed(events)));
    expect(broker.sends).toEqual([2, 2, 1]);
    await eventually(() => expect(time.requested).toEqual([1_000]));
    await relay.stop();
  });

  it('given the broker is down, then nothing is acknowledged, retries back off, and all is published once it is back', async () => {
    const { store, relay, broker, time, logger, append, published } = setup();
    broker.down = true;
    const before = [testEvent('a', 1), testEvent('b', 1)];
    await append(...before);

    relay.start();
    for (const expected of [[100], [100, 200], [100, 200, 400], [100, 200, 400, 400]]) {
      await eventually(() => expect(time.requested).toEqual(expected));
      time.elapse();
    }
    const during = [testEvent('a', 2), testEvent('a', 3)];
    await append(...during);
    await eventually(() => expect(time.requested).toHaveLength(5));
    relay.kick();
    expect(time.pending()).toBe(1);
    expect(await store.queue('kafka').pending(10)).toHaveLength(4);
    expect(published()).toEqual([]);

    broker.down = false;
    time.elapse();

    await eventually(() => expect(published()).toEqual(keyed([...before, ...during])));
    expect(broker.sends).toEqual([4]);
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(5);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'info', obj: { failures: 5 } });
    await relay.stop();
  });

  it('given an idle relay, when kicked after an append, then it publishes without waiting', async () => {
    const { relay, time, append, published } = setup();
    relay.start();
    await eventually(() => expect(time.requested).toEqual([1_000]));

    const event = testEvent('a', 1);
    await append(event);
    relay.kick();

    await eventually(() => expect(published()).toEqual(keyed([event])));
    await eventually(() => expect(time.requested).toEqual([1_000, 1_000]));
    await relay.stop();
  });

  it('given a batch in flight, then stop waits for it and acknowledges it', async () => {
    let release: () => void = () => undefined;
    const sent: EventEnvelope[][] = [];
    const publisher = {
      publish: (_topic: string, envelopes: readonly EventEnvelope[]) =>
        new Promise<void>((resolve) => {
          sent.push([...envelopes]);
          release = resolve;
        }),
    };
    const { store, relay, append } = setup({ publisher });
    await append(testEvent('a', 1));
    relay.start();
    await eventually(() => expect(sent).toHaveLength(1));

    let stopped = false;
    const stopping = relay.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(await store.queue('kafka').pending(10)).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});
