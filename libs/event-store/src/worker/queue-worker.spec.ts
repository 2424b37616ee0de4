import { eventually, ManualClock } from '@extapps/testing';
import { InMemoryLease, InMemoryLeaseTable } from '../lease/in-memory-lease';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { StoredEvent } from '../ports';
import { appendStream, manualSleep, testEvent } from '../testing';
import { QueueWorker } from './queue-worker';

function projector(
  store: InMemoryEventStore,
  more: { owner?: string; table?: InMemoryLeaseTable; clock?: ManualClock; lingerMs?: number } = {},
) {
  const time = manualSleep();
  const seen: number[] = [];
  let failing = false;
  const lease =
    more.table && more.clock
      ? new InMemoryLease(more.table, {
          name: 'projections',
          owner: more.owner ?? 'a',
          ttlMs: 5_000,
          clock: more.clock,
        })
      : undefined;
  const worker = new QueueWorker({
    name: 'projections',
    queue: store.queue('projections'),
    handle: async (events: readonly StoredEvent[]) => {
      if (failing) throw new Error('read model unavailable');
      seen.push(...events.map((e) => e.position));
    },
    lease,
    pollIntervalMs: 1_000,
    lingerMs: more.lingerMs,
    sleep: time.sleep,
  });
  return { worker, seen, time, fail: (value: boolean) => (failing = value) };
}

describe('QueueWorker', () => {
  it('given another queue, then it works through that queue only, oldest first', async () => {
    const store = new InMemoryEventStore({ queues: ['kafka', 'projections'] });
    await appendStream(store, 'a', 3);
    const { worker, seen } = projector(store);

    expect(await worker.runOnce()).toEqual({ kind: 'handled', count: 3 });
    expect(await worker.runOnce()).toEqual({ kind: 'idle' });

    expect(seen).toEqual([1, 2, 3]);
    expect(await store.queue('kafka').pending(10)).toHaveLength(3);
  });

  it('given a failing handler, then the pass acknowledges nothing and the next one retries', async () => {
    const store = new InMemoryEventStore({ queues: ['projections'] });
    await appendStream(store, 'a', 2);
    const { worker, seen, fail } = projector(store);

    fail(true);
    expect(await worker.runOnce()).toMatchObject({
      kind: 'failed',
      error: new Error('read model unavailable'),
    });
    expect(await store.queue('projections').pending(10)).toHaveLength(2);

    fail(false);
    expect(await worker.runOnce()).toEqual({ kind: 'handled', count: 2 });
    expect(seen).toEqual([1, 2]);
  });

  it('given a linger, when kicked right after a pass, then the next pass waits for the linger', async () => {
    const store = new InMemoryEventStore({ queues: ['projections'] });
    await appendStream(store, 'a', 2);
    const { worker, seen, time } = projector(store, { lingerMs: 50 });

    worker.start();
    await eventually(() => expect(time.requested).toEqual([50]));
    await appendStream(store, 'b', 1);
    worker.kick();
    expect(time.pending()).toBe(1);
    expect(seen).toEqual([1, 2]);

    time.elapse();
    await eventually(() => expect(seen).toEqual([1, 2, 3]));
    await eventually(() => expect(time.requested).toEqual([50, 50]));
    await worker.stop();
  });

  it('given a linger, when a pass finds nothing, then it waits the poll interval, kickable', async () => {
    const store = new InMemoryEventStore({ queues: ['projections'] });
    const { worker, seen, time } = projector(store, { lingerMs: 50 });

    worker.start();
    await eventually(() => expect(time.requested).toEqual([1_000]));
    await appendStream(store, 'a', 1);
    worker.kick();

    await eventually(() => expect(seen).toEqual([1]));
    await worker.stop();
  });

  it('given passes requested at the same time, then they run one after the other', async () => {
    const store = new InMemoryEventStore({ queues: ['projections'] });
    await appendStream(store, 'a', 2);
    const { worker, seen } = projector(store);

    const outcomes = await Promise.all([worker.runOnce(), worker.runOnce()]);

    expect(outcomes).toEqual([{ kind: 'handled', count: 2 }, { kind: 'idle' }]);
    expect(seen).toEqual([1, 2]);
  });

  it('given two instances sharing a lease, then only the holder works until its lease expires', async () => {
    const store = new InMemoryEventStore({ queues: ['projections'] });
    const table: InMemoryLeaseTable = new Map();
    const clock = new ManualClock();
    const first = projector(store, { owner: 'a', table, clock });
    const second = projector(store, { owner: 'b', table, clock });
    await appendStream(store, 'a', 1);

    expect(await first.worker.runOnce()).toEqual({ kind: 'handled', count: 1 });
    await store.append(testEvent('a', 2), 1);
    expect(await second.worker.runOnce()).toEqual({ kind: 'not-holder' });

    clock.advance(5_000);

    expect(await second.worker.runOnce()).toEqual({ kind: 'handled', count: 1 });
    expect(await first.worker.runOnce()).toEqual({ kind: 'not-holder' });
    expect([...first.seen, ...second.seen]).toEqual([1, 2]);
  });

  it('given a stopped holder, then its lease is released and another instance takes over at once', async () => {
    const store = new InMemoryEventStore({ queues: ['projections'] });
    const table: InMemoryLeaseTable = new Map();
    const clock = new ManualClock();
    const first = projector(store, { owner: 'a', table, clock });
    const second = projector(store, { owner: 'b', table, clock });
    first.worker.start();
    await eventually(() => expect(table.get('projections')?.owner).toBe('a'));
    await first.worker.stop();
    expect(table.has('projections')).toBe(false);

    await appendStream(store, 'a', 1);

    expect(await second.worker.runOnce()).toEqual({ kind: 'handled', count: 1 });
  });
});
