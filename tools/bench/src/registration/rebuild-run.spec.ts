import { parseRebuildDone } from './rebuild-run';

describe('parseRebuildDone', () => {
  it('reads the counts, the time and the rate of the summary line', () => {
    const line = '[rebuild] done: 1000000 events, 100000 app views in 93.2 s (10730 events/s)';

    expect(parseRebuildDone(line)).toEqual({
      events: 1_000_000,
      views: 100_000,
      seconds: 93.2,
      perSecond: 10_730,
    });
  });

  it('accepts an empty log', () => {
    expect(parseRebuildDone('[rebuild] done: 0 events, 0 app views in 0.0 s (0 events/s)')).toEqual(
      { events: 0, views: 0, seconds: 0, perSecond: 0 },
    );
  });

  it.each([
    '[rebuild] 100000 events replayed',
    '[rebuild] failed: connection refused',
    'done: 10 events, 1 app views in 1.0 s (10 events/s)',
    '[rebuild] done: ten events, 1 app views in 1.0 s (10 events/s)',
  ])('ignores %s', (line) => {
    expect(parseRebuildDone(line)).toBeNull();
  });
});
