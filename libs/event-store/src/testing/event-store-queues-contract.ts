import { EventStore } from '../ports';
import { testEvent } from './test-events';

async function appendMixed(store: EventStore): Promise<string[]> {
  const events = [testEvent('a', 1), testEvent('b', 1), testEvent('a', 2), testEvent('b', 2)];
  for (const event of events) await store.append(event, event.streamVersion - 1);
  return events.map((e) => e.eventId);
}

const ids = (events: { event: { eventId: string } }[]) => events.map((s) => s.event.eventId);

export function queuesContract(store: () => EventStore): void {
  it('given appended events, then each queue holds them all, oldest first, up to the limit', async () => {
    const appended = await appendMixed(store());

    expect(ids(await store().queue('kafka').pending(100))).toEqual(appended);
    expect(ids(await store().queue('projections').pending(100))).toEqual(appended);
    expect(ids(await store().queue('kafka').pending(3))).toEqual(appended.slice(0, 3));
  });

  it('given pending events read back, then they equal the appended envelopes', async () => {
    const event = testEvent('a', 1, {});
    const stored = await store().append(event, 0);

    expect(await store().queue('kafka').pending(10)).toEqual([stored]);
  });

  it('given acknowledged events, then only the others stay pending, in order', async () => {
    const appended = await appendMixed(store());

    await store().queue('kafka').acknowledge([appended[0], appended[2]]);

    expect(ids(await store().queue('kafka').pending(100))).toEqual([appended[1], appended[3]]);
  });

  it('given an acknowledgement on one queue, then the other queue is untouched', async () => {
    const appended = await appendMixed(store());

    await store().queue('kafka').acknowledge(appended);

    expect(await store().queue('kafka').pending(100)).toEqual([]);
    expect(ids(await store().queue('projections').pending(100))).toEqual(appended);
  });

  it('given repeated, unknown or no ids, then acknowledging is harmless', async () => {
    const appended = await appendMixed(store());
    const kafka = store().queue('kafka');

    await kafka.acknowledge([]);
    await kafka.acknowledge([appended[0], 'not-an-event']);
    await kafka.acknowledge([appended[0]]);

    expect(ids(await kafka.pending(100))).toEqual(appended.slice(1));
  });

  it('given a drained queue, when another event is appended, then it is pending', async () => {
    const appended = await appendMixed(store());
    await store().queue('kafka').acknowledge(appended);

    const next = testEvent('a', 3);
    await store().append(next, 2);

    expect(ids(await store().queue('kafka').pending(100))).toEqual([next.eventId]);
  });

  it('given a queue the store was not configured with, then asking for it throws', () => {
    expect(() => store().queue('audit')).toThrow(/unknown work queue "audit"/);
  });
}
