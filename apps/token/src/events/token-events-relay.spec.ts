import { systemClock, TokenEvent, Topics } from '@extapps/contracts';
import { InMemoryLease, InMemoryLeaseTable } from '@extapps/event-store';
import { InMemoryBus, MessageBus, OutgoingMessage } from '@extapps/messaging';
import { InMemoryTokenOutbox } from './testing/in-memory-token-outbox';
import { issuedEvents } from './testing/token-event-samples';
import { createTokenEventsRelay, TOKEN_EVENTS_PARTITIONS } from './token-events-relay';

/** An in-memory broker that can be taken down, counting its sends. */
function brokerOf(bus: InMemoryBus) {
  const broker = { down: false, sends: [] as number[] };
  const flaky: MessageBus = {
    producer: {
      send: async (topic: string, messages: readonly OutgoingMessage[]) => {
        if (broker.down) throw new Error('broker unreachable');
        broker.sends.push(messages.length);
        await bus.producer.send(topic, messages);
      },
    },
    createConsumer: (options, handler) => bus.createConsumer(options, handler),
    ensureTopics: (topics) => bus.ensureTopics(topics),
    committedOffsets: (groupId, topic) => bus.committedOffsets(groupId, topic),
    endOffsets: (topic) => bus.endOffsets(topic),
    ping: () => bus.ping(),
    close: () => bus.close(),
  };
  return { broker, flaky };
}

function setup(options: { batchSize?: number; leases?: InMemoryLeaseTable; owner?: string } = {}) {
  const bus = new InMemoryBus();
  const outbox = new InMemoryTokenOutbox();
  const { broker, flaky } = brokerOf(bus);
  const relay = createTokenEventsRelay({
    outbox,
    bus: flaky,
    pollIntervalMs: 1_000,
    batchSize: options.batchSize,
    lease:
      options.leases &&
      new InMemoryLease(options.leases, {
        name: 'token-outbox',
        owner: options.owner ?? 'me',
        ttlMs: 30_000,
        clock: systemClock,
      }),
  });
  const published = () =>
    bus
      .published(Topics.tokenEvents)
      .map((m) => ({ key: m.key, event: JSON.parse(String(m.value)) }));
  return { bus, outbox, relay, broker, published };
}

const keyed = (events: readonly TokenEvent[]) =>
  events.map((event) => ({ key: event.streamId, event }));

describe('token events relay', () => {
  it('given recorded events, then one send publishes them oldest first, keyed by stream, and empties the outbox', async () => {
    const { bus, outbox, relay, broker, published } = setup();
    const [a1, a2, b1] = [...issuedEvents('app-a', 2), ...issuedEvents('app-b', 1)];
    if (!a1 || !a2 || !b1) throw new Error('three events expected');
    await outbox.add([b1, a2]);
    await outbox.add([a1]);

    expect(await relay.runOnce()).toEqual({ kind: 'handled', count: 3 });

    expect(published()).toEqual(keyed([a1, a2, b1]));
    expect(broker.sends).toEqual([3]);
    expect(outbox.size).toBe(0);
    expect(await bus.endOffsets(Topics.tokenEvents)).toHaveLength(TOKEN_EVENTS_PARTITIONS);
  });

  it('given more than a relay batch, then a pass publishes and deletes only the oldest', async () => {
    const { outbox, relay, published } = setup({ batchSize: 2 });
    const events = issuedEvents('app-a', 3);
    for (const event of events) await outbox.add([event]);

    await relay.runOnce();

    expect(published()).toEqual(keyed(events.slice(0, 2)));
    expect((await outbox.pending(10)).map((e) => e.event)).toEqual(events.slice(2));
  });

  it('given Kafka down, then nothing is deleted, and the next pass once it is back publishes all', async () => {
    const { outbox, relay, broker, published } = setup();
    const events = issuedEvents('app-a', 2);
    await outbox.add(events);
    broker.down = true;

    expect(await relay.runOnce()).toMatchObject({ kind: 'failed' });
    expect(outbox.size).toBe(2);

    broker.down = false;
    await relay.runOnce();
    expect(published()).toEqual(keyed(events));
    expect(outbox.size).toBe(0);
  });

  it('given another instance holds the lease, then this one publishes nothing', async () => {
    const leases: InMemoryLeaseTable = new Map();
    const holder = setup({ leases, owner: 'holder' });
    const other = setup({ leases, owner: 'other' });
    await holder.relay.runOnce();
    await other.outbox.add(issuedEvents('app-a', 1));

    expect(await other.relay.runOnce()).toEqual({ kind: 'not-holder' });
    expect(other.published()).toEqual([]);
    expect(other.outbox.size).toBe(1);
  });
});
