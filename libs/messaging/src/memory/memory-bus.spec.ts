import { eventually } from '@extapps/testing';
import { collector, describeMessagingContract } from '../testing';
import { InMemoryBus } from './memory-bus';

describeMessagingContract('in-memory', ({ clock }) => new InMemoryBus({ clock }));

describe('InMemoryBus', () => {
  const bus = new InMemoryBus({
    clock: () => new Date('2026-05-06T07:08:09.000Z'),
  });
  afterAll(() => bus.close());

  it('splits the partitions among the running members of a group, each message to one of them', async () => {
    await bus.ensureTopics([{ topic: 'split', partitions: 2 }]);
    const keys = Array.from({ length: 20 }, (_, i) => `key-${i}`);
    const first = collector();
    const second = collector();
    const options = {
      groupId: 'splitters',
      topics: ['split'],
      fromBeginning: true,
    };
    await bus.createConsumer(options, first.handler).start();
    await bus.createConsumer(options, second.handler).start();
    await bus.producer.send(
      'split',
      keys.map((key) => ({ key, value: key })),
    );
    await eventually(() =>
      expect(first.received.length + second.received.length).toBe(keys.length),
    );
    expect([...first.values(), ...second.values()].sort()).toEqual([...keys].sort());
    expect(new Set(first.received.map((m) => m.partition)).size).toBe(1);
    expect(new Set(second.received.map((m) => m.partition)).size).toBe(1);
    expect(first.received[0].partition).not.toBe(second.received[0].partition);
  });

  it('shows what was published, for assertions in services’ unit tests', async () => {
    await bus.producer.send('published', [{ key: 'a', value: 'one', headers: { h: 'v' } }]);
    expect(bus.published('published')).toEqual([
      {
        topic: 'published',
        partition: 0,
        offset: '0',
        key: 'a',
        value: Buffer.from('one'),
        headers: { h: 'v' },
        timestamp: new Date('2026-05-06T07:08:09.000Z'),
      },
    ]);
    expect(bus.published('never-written')).toEqual([]);
  });
});
