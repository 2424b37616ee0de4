import { EventStore, WrongExpectedVersion } from '../ports';
import { conflictsContract } from './event-store-conflicts-contract';
import { queuesContract } from './event-store-queues-contract';
import { appendStream, testEvent } from './test-events';

/** A fresh, empty store configured with `queues`, for one test. */
export type MakeEventStore = (options: { queues: readonly string[] }) => Promise<EventStore>;

export const CONTRACT_QUEUES = ['kafka', 'projections'] as const;

/**
 * The one behavioural contract of the event store port, run against every adapter (in-memory in a
 * unit spec, MongoDB in an integration spec), so the fake that services test with cannot drift.
 */
export function describeEventStoreContract(name: string, make: MakeEventStore): void {
  describe(`event store contract: ${name}`, () => {
    let current: EventStore | undefined;
    const store = (): EventStore => {
      if (!current) throw new Error('no store for this test');
      return current;
    };
    beforeEach(async () => {
      current = await make({ queues: CONTRACT_QUEUES });
    });

    describe('append and read', () => readContract(store));
    describe('expected versions', () => conflictsContract(store));
    describe('work queues', () => queuesContract(store));
  });
}

function readContract(store: () => EventStore): void {
  it('given appended events, then the stream reads them back exactly as appended', async () => {
    const first = testEvent('app-1', 1, { name: 'Billing', nested: { list: [1, 'two', null] } });
    const second = { ...testEvent('app-1', 2, {}), causationId: first.eventId };

    const stored = [await store().append(first, 0), await store().append(second, 1)];

    expect(stored.map((s) => s.event)).toEqual([first, second]);
    const read = await store().readStream('app-1');
    expect(read.map((s) => s.event)).toStrictEqual([first, second]);
    expect(read.map((s) => s.position)).toEqual(stored.map((s) => s.position));
  });

  it('given optional fields set to undefined, then they read back absent, not null', async () => {
    const event = {
      ...testEvent('a', 1, { kept: 1, dropped: undefined }),
      actor: { type: 'user' as const, id: 'u-1', displayName: undefined, ip: undefined },
    };

    await store().append(event, 0);

    const [read] = await store().readStream('a');
    expect(read.event.actor).toStrictEqual({ type: 'user', id: 'u-1' });
    expect(read.event.data).toStrictEqual({ kept: 1 });
  });

  it('given an unknown stream, then it is empty at version 0', async () => {
    expect(await store().readStream('nobody')).toEqual([]);
    expect(await store().streamVersion('nobody')).toBe(0);
  });

  it('given a stream of 5, then its version is 5 and its positions increase', async () => {
    await appendStream(store(), 'app-1', 5);

    expect(await store().streamVersion('app-1')).toBe(5);
    const positions = (await store().readStream('app-1')).map((s) => s.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(5);
  });

  it('given version bounds, then readStream returns only that range', async () => {
    await appendStream(store(), 'app-1', 5);
    const versions = async (fromVersion?: number, toVersion?: number) =>
      (await store().readStream('app-1', { fromVersion, toVersion })).map(
        (s) => s.event.streamVersion,
      );

    expect(await versions(2)).toEqual([2, 3, 4, 5]);
    expect(await versions(undefined, 3)).toEqual([1, 2, 3]);
    expect(await versions(2, 4)).toEqual([2, 3, 4]);
    expect(await versions(6)).toEqual([]);
  });

  it('given events of several streams, then readAll returns them in append order', async () => {
    const order = [testEvent('a', 1), testEvent('b', 1), testEvent('a', 2), testEvent('c', 1)];
    for (const event of order) await store().append(event, event.streamVersion - 1);

    const all = await store().readAll({ limit: 100 });
    expect(all.map((s) => s.event)).toEqual(order);
    expect(all.map((s) => s.position)).toEqual(
      [...all.map((s) => s.position)].sort((a, b) => a - b),
    );

    const firstTwo = await store().readAll({ limit: 2 });
    expect(firstTwo.map((s) => s.event.eventId)).toEqual(order.slice(0, 2).map((e) => e.eventId));
    const rest = await store().readAll({ afterPosition: firstTwo[1].position, limit: 100 });
    expect(rest.map((s) => s.event.eventId)).toEqual(order.slice(2).map((e) => e.eventId));
  });

  it('given an event whose version does not follow the expected one, then it is a bug, not a conflict', async () => {
    const append = store().append(testEvent('app-1', 2), 0);

    await expect(append).rejects.toThrow(/must carry 1/);
    await expect(append).rejects.not.toBeInstanceOf(WrongExpectedVersion);
    await expect(store().append(testEvent('app-1', 0), -1)).rejects.toThrow(/>= 0/);
    expect(await store().streamVersion('app-1')).toBe(0);
  });

  it('given an event id stored already, then another append of it is refused', async () => {
    const event = testEvent('app-1', 1);
    await store().append(event, 0);

    const again = store().append({ ...event, streamId: 'app-2' }, 0);

    await expect(again).rejects.toThrow(/stored already/);
    expect(await store().streamVersion('app-2')).toBe(0);
  });
}
