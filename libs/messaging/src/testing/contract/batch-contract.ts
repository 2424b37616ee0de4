import { deadLetterTopic } from '@extapps/contracts';
import { eventually } from '@extapps/testing';
import { DeadLetterHeaders } from '../../delivery/dead-letter';
import { BatchHandler, BatchOutcome, IncomingMessage } from '../../ports';
import { collector, deferred, recordingSleep } from '../helpers';
import { ContractFixture, text } from './fixture';

/** Records each batch's values, then runs `then` (if any), whose answer or failure counts. */
function batches(then?: (messages: readonly IncomingMessage[]) => Promise<BatchOutcome | void>) {
  const received: IncomingMessage[][] = [];
  const handler: BatchHandler = async (messages) => {
    received.push([...messages]);
    return then?.(messages);
  };
  const values = () => received.map((batch) => batch.map((m) => m.value.toString('utf8')));
  return { received, handler, values };
}

/** Batches are committed after the handler resolved for all of them, and only then. */
export function batchContract(f: ContractFixture): void {
  it('hands a backlog over in batches, in order, and commits what was handled', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, text('k', 'one', 'two', 'three', 'four', 'five'));
    const seen = batches();
    const consumer = await f.startBatch({ groupId, topics: [topic] }, seen.handler);
    await eventually(() =>
      expect(seen.values().flat()).toEqual(['one', 'two', 'three', 'four', 'five']),
    );
    expect(seen.received.length).toBeLessThan(5);
    await consumer.stop();
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '5' }]);

    const again = batches();
    await f.startBatch({ groupId, topics: [topic] }, again.handler);
    await f.send(topic, text('k', 'six'));
    await eventually(() => expect(again.values()).toEqual([['six']]));
  });

  it('never hands over more than maxBatchSize messages, nor two partitions at once', async () => {
    const topic = await f.topic(2);
    const keys = ['a', 'b', 'c', 'd', 'e'];
    await f.send(
      topic,
      keys.flatMap((key) => [0, 1, 2, 3, 4].map((i) => ({ key, value: `${key}:${i}` }))),
    );
    const seen = batches();
    await f.startBatch({ groupId: f.group(), topics: [topic], maxBatchSize: 4 }, seen.handler);
    await eventually(() => expect(seen.values().flat()).toHaveLength(25));
    for (const batch of seen.received) {
      expect(batch.length).toBeLessThanOrEqual(4);
      expect(new Set(batch.map((m) => m.partition)).size).toBe(1);
    }
    for (const partition of [0, 1]) {
      const offsets = seen.received.flat().filter((m) => m.partition === partition);
      expect(offsets.map((m) => Number(m.offset))).toEqual(offsets.map((_, i) => i));
    }
  });

  it('retries a failing batch whole and uncommitted, then commits it', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, text('k', 'a', 'b', 'c'));
    let committedAtFailure: unknown;
    const seen = batches(async () => {
      if (seen.received.length > 1) return;
      committedAtFailure = await f.bus.committedOffsets(groupId, topic);
      throw new Error('store unavailable');
    });
    const { sleep, delays } = recordingSleep();
    const retry = { initialDelayMs: 7 };
    const consumer = await f.startBatch({ groupId, topics: [topic], retry, sleep }, seen.handler);
    await eventually(() => expect(seen.values()).toHaveLength(2));
    expect(seen.values()).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
    expect(committedAtFailure).toEqual([{ partition: 0, offset: null }]);
    expect(delays).toEqual([7]);
    await consumer.stop();
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '3' }]);
  });

  it('parks the poison a batch names, with the usual headers, and commits the batch', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, [
      ...text('k', 'fine'),
      { key: 'k', value: 'poison', headers: { trace: 'abc' } },
      ...text('k', 'also fine'),
    ]);
    const seen = batches(async (messages) => ({
      poison: messages
        .filter((m) => m.value.toString() === 'poison')
        .map((message) => ({ message, reason: 'cannot be recorded' })),
    }));
    const consumer = await f.startBatch({ groupId, topics: [topic] }, seen.handler);
    const parked = collector();
    await f.start(
      { groupId: f.group(), topics: [deadLetterTopic(groupId, topic)] },
      parked.handler,
    );

    await eventually(() => expect(parked.values()).toEqual(['poison']));
    expect(seen.values()).toEqual([['fine', 'poison', 'also fine']]);
    expect(parked.received[0]?.headers).toEqual({
      trace: 'abc',
      [DeadLetterHeaders.originalTopic]: topic,
      [DeadLetterHeaders.originalPartition]: '0',
      [DeadLetterHeaders.originalOffset]: '1',
      [DeadLetterHeaders.groupId]: groupId,
      [DeadLetterHeaders.error]: 'cannot be recorded',
      [DeadLetterHeaders.attempts]: '1',
      [DeadLetterHeaders.failedAt]: f.now.toISOString(),
    });
    await consumer.stop();
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '3' }]);
  });

  it('once a batch used up its attempts, goes one message at a time and parks only the one that always fails', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, text('k', 'a', 'always fails', 'b'));
    const seen = batches(async (messages) => {
      if (messages.some((m) => m.value.toString() === 'always fails')) throw new Error('boom');
    });
    const { sleep, delays } = recordingSleep();
    const retry = { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 };
    const consumer = await f.startBatch({ groupId, topics: [topic], retry, sleep }, seen.handler);
    const parked = collector();
    await f.start(
      { groupId: f.group(), topics: [deadLetterTopic(groupId, topic)] },
      parked.handler,
    );

    await eventually(() => expect(parked.values()).toEqual(['always fails']));
    await eventually(() => expect(seen.values().at(-1)).toEqual(['b']));
    expect(seen.values()).toEqual([
      ['a', 'always fails', 'b'],
      ['a', 'always fails', 'b'],
      ['a'],
      ['always fails'],
      ['always fails'],
      ['b'],
    ]);
    expect(delays).toEqual([10, 10]);
    expect(parked.received[0]?.headers[DeadLetterHeaders.attempts]).toBe('2');
    expect(parked.received[0]?.headers[DeadLetterHeaders.error]).toBe('boom');
    await consumer.stop();
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '3' }]);
  });

  it('stop() lets the batch in flight finish, commits it and takes nothing more', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, text('k', 'slow', 'next'));
    const started = deferred();
    const release = deferred();
    const seen = batches(async () => {
      started.resolve();
      await release.promise;
    });
    const consumer = await f.startBatch(
      { groupId, topics: [topic], maxBatchSize: 1 },
      seen.handler,
    );
    await started.promise;
    const stopped = consumer.stop();
    setImmediate(() => release.resolve());
    await stopped;
    expect(seen.values()).toEqual([['slow']]);
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '1' }]);
  });

  it('a batch abandoned by stop() stays uncommitted for the next group member', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, text('k', 'stuck-1', 'stuck-2'));
    const started = deferred();
    const never = deferred();
    f.onCleanup(() => never.resolve());
    const crashed = await f.startBatch({ groupId, topics: [topic] }, async () => {
      started.resolve();
      await never.promise;
    });
    await started.promise;
    await crashed.stop({ graceMs: 0 });
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: null }]);

    const next = batches();
    await f.startBatch({ groupId, topics: [topic] }, next.handler);
    await eventually(() => expect(next.values().flat()).toEqual(['stuck-1', 'stuck-2']));
    await eventually(async () =>
      expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '2' }]),
    );
  });
}
