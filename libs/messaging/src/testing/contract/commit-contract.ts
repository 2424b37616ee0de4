import { ContractFixture, text } from './fixture';
import { collector, deferred, recordingSleep } from '../helpers';
import { eventually } from '@extapps/testing';

/** Offsets are committed after the handler, and only then. */
export function commitContract(f: ContractFixture): void {
  it('a consumer group reads what was produced and commits it', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, text('k', 'one', 'two', 'three'));
    const first = collector();
    const consumer = await f.start({ groupId, topics: [topic] }, first.handler);
    await eventually(() => expect(first.values()).toEqual(['one', 'two', 'three']));
    await consumer.stop();
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '3' }]);

    // fromBeginning would replay everything if the commits were lost; a marker bounds the wait.
    const second = collector();
    await f.start({ groupId, topics: [topic], fromBeginning: true }, second.handler);
    await f.send(topic, text('k', 'four'));
    await eventually(() => expect(second.values()).toContain('four'));
    expect(second.values()).toEqual(['four']);
  });

  it('redelivers a message whose handler threw, and commits it only after success', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, text('k', 'flaky', 'after'));
    let failures = 0;
    let committedAtFailure: unknown;
    const seen = collector(async (m) => {
      if (m.value.toString() !== 'flaky' || failures > 0) return;
      failures++;
      committedAtFailure = await f.bus.committedOffsets(groupId, topic);
      throw new Error('transient failure');
    });
    const { sleep, delays } = recordingSleep();
    const consumer = await f.start(
      { groupId, topics: [topic], retry: { initialDelayMs: 7 }, sleep },
      seen.handler,
    );
    await eventually(() => expect(seen.values()).toEqual(['flaky', 'flaky', 'after']));
    expect(committedAtFailure).toEqual([{ partition: 0, offset: null }]);
    expect(delays).toEqual([7]);
    await consumer.stop();
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '2' }]);
  });

  it('stop() lets the in-flight handler finish, commits it and takes nothing more', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, text('k', 'slow', 'next'));
    const started = deferred();
    const release = deferred();
    const events: string[] = [];
    const seen = collector(async (m) => {
      if (m.value.toString() !== 'slow') return;
      started.resolve();
      await release.promise;
      events.push('handler finished');
    });
    const consumer = await f.start({ groupId, topics: [topic] }, seen.handler);
    await started.promise;
    const stopped = consumer.stop().then(() => events.push('stop resolved'));
    events.push('stop called');
    setImmediate(() => release.resolve());
    await stopped;
    expect(events).toEqual(['stop called', 'handler finished', 'stop resolved']);
    expect(seen.values()).toEqual(['slow']);
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '1' }]);
  });

  it('a consumer stopped while its handler hangs leaves the message to the next group member', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    await f.send(topic, text('k', 'stuck'));
    const started = deferred();
    const never = deferred();
    f.onCleanup(() => never.resolve());
    const crashed = await f.start({ groupId, topics: [topic] }, async () => {
      started.resolve();
      await never.promise;
    });
    await started.promise;
    await crashed.stop({ graceMs: 0 });
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: null }]);

    const next = collector();
    await f.start({ groupId, topics: [topic] }, next.handler);
    await eventually(() => expect(next.values()).toEqual(['stuck']));
    await eventually(async () =>
      expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '1' }]),
    );
  });
}
