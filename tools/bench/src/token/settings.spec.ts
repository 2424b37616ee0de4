import { loadTokenSettings, TOKEN_DEFAULTS } from './settings';

describe('loadTokenSettings', () => {
  it('runs the issue scale with no settings: 100,000 apps, both parts, the built service', () => {
    const settings = loadTokenSettings({});

    expect(settings).toEqual(TOKEN_DEFAULTS);
    expect(settings.apps).toBe(100_000);
    expect(settings.parts).toEqual(['throughput', 'revocation']);
    expect(settings.tokenRun).toBe('dist');
  });

  it('reads a small development run, digits grouped with underscores allowed', () => {
    const settings = loadTokenSettings({
      BENCH_APPS: '1_000',
      BENCH_CONCURRENCY: '8',
      BENCH_DURATION_S: '5',
      BENCH_WARMUP_S: '2',
      BENCH_ROUNDS: '1',
      BENCH_REVOCATIONS: '10',
      BENCH_PARTS: 'revocation',
      BENCH_TOKEN_RUN: 'source',
      BENCH_TOKEN_NODE_ARGS: ' --cpu-prof  --cpu-prof-dir=/tmp/p ',
      BENCH_KEEP_DB: '1',
    });

    expect(settings).toMatchObject({
      apps: 1000,
      concurrency: 8,
      durationSeconds: 5,
      warmupSeconds: 2,
      rounds: 1,
      revocations: 10,
      parts: ['revocation'],
      tokenRun: 'source',
      tokenNodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/p'],
      keepDatabase: true,
    });
  });

  it('names every bad setting at once', () => {
    const read = () =>
      loadTokenSettings({
        BENCH_CONCURRENCY: '0',
        BENCH_PUBLISH_BATCH: '5000',
        BENCH_TOKEN_RUN: 'docker',
        BENCH_PARTS: 'throughput,speed',
      });

    expect(read).toThrow(/BENCH_CONCURRENCY must be an integer from 1 to 1000, got "0"/);
    expect(read).toThrow(/BENCH_PUBLISH_BATCH must be an integer from 1 to 2000/);
    expect(read).toThrow(/BENCH_TOKEN_RUN must be one of dist, source, got "docker"/);
    expect(read).toThrow(/BENCH_PARTS must list some of throughput,revocation/);
  });

  it('refuses fewer apps than the load clients and revoked secrets need', () => {
    expect(() =>
      loadTokenSettings({ BENCH_APPS: '20', BENCH_LOAD_CLIENTS: '16', BENCH_REVOCATIONS: '10' }),
    ).toThrow(/BENCH_APPS \(20\) must be at least BENCH_LOAD_CLIENTS \+ BENCH_REVOCATIONS \(26\)/);
  });
});
