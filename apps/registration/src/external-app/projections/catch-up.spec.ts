import { StoredEvent } from '@extapps/event-store';
import { byStream, planCatchUp } from './catch-up';

const event = (streamId: string, version: number): StoredEvent =>
  ({ position: version, event: { streamId, streamVersion: version } }) as StoredEvent;
const versions = (events: readonly StoredEvent[]) => events.map((e) => e.event.streamVersion);

describe('planCatchUp', () => {
  it('given a view at 3, when only versions up to 3 arrive, then it is up to date', () => {
    expect(planCatchUp(3, [event('a', 2), event('a', 3)])).toEqual({ kind: 'up-to-date' });
  });

  it('given a view at 1, when 3, 2 and a repeated 2 arrive, then it applies 2 and 3 in order', () => {
    const plan = planCatchUp(1, [event('a', 3), event('a', 2), event('a', 2), event('a', 1)]);

    expect(plan.kind).toBe('apply');
    expect(plan.kind === 'apply' && versions(plan.events)).toEqual([2, 3]);
  });

  it('given a view at 1, when 2 and 4 arrive, then it reports the gap up to 4', () => {
    expect(planCatchUp(1, [event('a', 2), event('a', 4)])).toEqual({
      kind: 'gap',
      fromVersion: 2,
      toVersion: 4,
    });
  });

  it('given no view, when version 3 arrives alone, then the stream is read from its start', () => {
    expect(planCatchUp(0, [event('a', 3)])).toEqual({ kind: 'gap', fromVersion: 1, toVersion: 3 });
  });
});

describe('byStream', () => {
  it('groups by stream and keeps the order given within each', () => {
    const grouped = byStream([event('a', 2), event('b', 1), event('a', 1)]);

    expect([...grouped.keys()]).toEqual(['a', 'b']);
    expect(versions(grouped.get('a') ?? [])).toEqual([2, 1]);
  });
});
