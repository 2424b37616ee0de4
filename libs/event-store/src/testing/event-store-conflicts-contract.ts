import { EventStore, WrongExpectedVersion } from '../ports';
import { appendStream, testEvent } from './test-events';

function conflict(streamId: string, expectedVersion: number, currentVersion: number) {
  return expect.objectContaining({
    constructor: WrongExpectedVersion,
    streamId,
    expectedVersion,
    currentVersion,
  });
}

export function conflictsContract(store: () => EventStore): void {
  it('given a stream exists, when another writer creates it again, then it names version 1', async () => {
    await store().append(testEvent('app-1', 1), 0);

    await expect(store().append(testEvent('app-1', 1), 0)).rejects.toEqual(conflict('app-1', 0, 1));
    expect(await store().streamVersion('app-1')).toBe(1);
  });

  it('given a stream at 3, when an append expects 1, then it is stale and names version 3', async () => {
    await appendStream(store(), 'app-1', 3);

    await expect(store().append(testEvent('app-1', 2), 1)).rejects.toEqual(conflict('app-1', 1, 3));
    expect(await store().streamVersion('app-1')).toBe(3);
  });

  it('given a stream at 1, when an append expects 3, then no gap is made and it names version 1', async () => {
    await appendStream(store(), 'app-1', 1);

    await expect(store().append(testEvent('app-1', 4), 3)).rejects.toEqual(conflict('app-1', 3, 1));
    await expect(store().append(testEvent('nobody', 3), 2)).rejects.toEqual(
      conflict('nobody', 2, 0),
    );
    expect((await store().readStream('app-1')).map((s) => s.event.streamVersion)).toEqual([1]);
    expect(await store().streamVersion('nobody')).toBe(0);
  });

  it('given 20 concurrent appends at the same version, then exactly one wins', async () => {
    await appendStream(store(), 'app-1', 2);
    const candidates = Array.from({ length: 20 }, (_, i) => testEvent('app-1', 3, { writer: i }));

    const results = await Promise.allSettled(candidates.map((e) => store().append(e, 2)));

    const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [candidates[i]] : []));
    const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    losers.forEach((reason) => expect(reason).toEqual(conflict('app-1', 2, 3)));
    const stream = await store().readStream('app-1');
    expect(stream.map((s) => s.event.streamVersion)).toEqual([1, 2, 3]);
    expect(stream[2].event).toEqual(winners[0]);
  });

  it('given 20 concurrent creations of one stream, then exactly one wins', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => store().append(testEvent('app-1', 1), 0)),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    results
      .flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
      .forEach((reason) => expect(reason).toEqual(conflict('app-1', 0, 1)));
    expect(await store().streamVersion('app-1')).toBe(1);
  });

  it('given a lost race, when the loser retries at the current version, then it is stored', async () => {
    await appendStream(store(), 'app-1', 1);
    const lost = await store()
      .append(testEvent('app-1', 1), 0)
      .catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(WrongExpectedVersion);

    const current = (lost as WrongExpectedVersion).currentVersion;
    await store().append(testEvent('app-1', current + 1), current);

    expect(await store().streamVersion('app-1')).toBe(2);
  });

  it('given 20 concurrent appends to different streams, then all are stored at distinct positions', async () => {
    const events = Array.from({ length: 20 }, (_, i) => testEvent(`app-${i}`, 1));

    const stored = await Promise.all(events.map((e) => store().append(e, 0)));

    expect(new Set(stored.map((s) => s.position)).size).toBe(20);
    const all = await store().readAll({ limit: 100 });
    expect(all.map((s) => s.event.eventId).sort()).toEqual(events.map((e) => e.eventId).sort());
  });

  it('given concurrent appends to several streams, then positions follow versions in each', async () => {
    const streams = ['a', 'b', 'c', 'd'];

    await Promise.all(streams.map((s) => appendStream(store(), s, 5)));

    for (const streamId of streams) {
      const positions = (await store().readStream(streamId)).map((s) => s.position);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
    }
  });
}
