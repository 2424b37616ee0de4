import { deadLetterTopic } from '@extapps/contracts';
import { DeadLetterHeaders } from '../../delivery/dead-letter';
import { collector, recordingSleep } from '../helpers';
import { eventually } from '@extapps/testing';
import { ContractFixture, text } from './fixture';

/** Retries, then parking, without holding up the partition; per-key order throughout. */
export function deadLetterContract(f: ContractFixture): void {
  it('parks a message that always fails on the dead-letter topic while later ones still flow', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, [
      { key: 'k', value: 'poison', headers: { trace: 'abc' } },
      ...text('k', 'after-1', 'after-2'),
    ]);
    const { sleep, delays } = recordingSleep();
    const seen = collector(async (m) => {
      if (m.value.toString() === 'poison') throw new Error('cannot handle poison');
    });
    const retry = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 15 };
    const consumer = await f.start({ groupId, topics: [topic], retry, sleep }, seen.handler);
    await eventually(() =>
      expect(seen.values()).toEqual(['poison', 'poison', 'poison', 'after-1', 'after-2']),
    );
    expect(delays).toEqual([10, 15]);

    const parked = collector();
    await f.start(
      { groupId: f.group(), topics: [deadLetterTopic(groupId, topic)] },
      parked.handler,
    );
    await eventually(() => expect(parked.values()).toEqual(['poison']));
    expect(parked.received[0].key).toBe('k');
    expect(parked.received[0].headers).toEqual({
      trace: 'abc',
      [DeadLetterHeaders.originalTopic]: topic,
      [DeadLetterHeaders.originalPartition]: '0',
      [DeadLetterHeaders.originalOffset]: '0',
      [DeadLetterHeaders.groupId]: groupId,
      [DeadLetterHeaders.error]: 'cannot handle poison',
      [DeadLetterHeaders.attempts]: '3',
      [DeadLetterHeaders.failedAt]: f.now.toISOString(),
    });
    await consumer.stop();
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '3' }]);
  });

  it('keeps the order of each key and each key on one partition', async () => {
    const topic = await f.topic(3);
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const perKey = 15;
    for (let seq = 0; seq < perKey; seq += 5) {
      // Interleaved keys, several messages per key per send: the shape of real traffic.
      const batch = keys.flatMap((key) =>
        [0, 1, 2, 3, 4].map((i) => ({ key, value: `${key}:${seq + i}` })),
      );
      await f.send(topic, batch);
    }
    const seen = collector();
    await f.start({ groupId: f.group(), topics: [topic] }, seen.handler);
    await eventually(() => expect(seen.received).toHaveLength(keys.length * perKey));
    for (const key of keys) {
      const mine = seen.received.filter((m) => m.key === key);
      expect(mine.map((m) => m.value.toString())).toEqual(
        Array.from({ length: perKey }, (_, i) => `${key}:${i}`),
      );
      expect(new Set(mine.map((m) => m.partition)).size).toBe(1);
    }
  });

  it('subscribes by pattern to the topics that exist at start', async () => {
    const first = await f.topic();
    const second = await f.topic();
    const seen = collector();
    const pattern = new RegExp(`^(${escape(first)}|${escape(second)})$`);
    await f.send(first, text('k', 'from-first'));
    await f.send(second, text('k', 'from-second'));
    await f.start({ groupId: f.group(), topics: [pattern] }, seen.handler);
    await eventually(() => expect(seen.values().sort()).toEqual(['from-first', 'from-second']));
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
