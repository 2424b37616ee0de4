import { DEFAULTS, loadSettings } from './settings';

describe('loadSettings', () => {
  it('defaults to the issue’s 1,000,000 events and every part', () => {
    expect(loadSettings({})).toEqual(DEFAULTS);
    expect(DEFAULTS.events).toBe(1_000_000);
    expect(DEFAULTS.parts).toEqual(['rebuild', 'commands', 'history']);
  });

  it('reads the overrides, underscores allowed in numbers', () => {
    const settings = loadSettings({
      BENCH_EVENTS: '20_000',
      BENCH_CONCURRENCY: '4',
      BENCH_APPS: '8',
      SNAPSHOT_EVERY: '10',
      BENCH_PARTS: 'history, rebuild',
      BENCH_KEEP_DB: '1',
    });

    expect(settings).toMatchObject({
      events: 20_000,
      concurrency: 4,
      apps: 8,
      snapshotEvery: 10,
      parts: ['rebuild', 'history'],
      keepDatabases: true,
    });
  });

  it('names every bad setting at once', () => {
    expect(() =>
      loadSettings({ BENCH_EVENTS: 'lots', BENCH_SAMPLES: '0', BENCH_PARTS: 'rebuild,seed' }),
    ).toThrow(
      'bad benchmark settings:\n' +
        '  BENCH_EVENTS must be an integer from 1 to 100000000, got "lots"\n' +
        '  BENCH_SAMPLES must be an integer from 1 to 100000, got "0"\n' +
        '  BENCH_PARTS must list some of rebuild,commands,history, got "rebuild,seed"',
    );
  });

  it('refuses fewer apps than requests in flight, which would make renames conflict', () => {
    expect(() => loadSettings({ BENCH_APPS: '8', BENCH_CONCURRENCY: '16' })).toThrow(
      'BENCH_APPS (8) must be at least BENCH_CONCURRENCY (16)',
    );
  });
});
