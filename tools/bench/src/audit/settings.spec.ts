import { AUDIT_DEFAULTS, loadAuditSettings } from './settings';

describe('loadAuditSettings', () => {
  it('runs the issue scale with no settings: 100,000 events, 1,000,000 records', () => {
    const settings = loadAuditSettings({});

    expect(settings).toEqual(AUDIT_DEFAULTS);
    expect([settings.events, settings.records]).toEqual([100_000, 1_000_000]);
    expect(settings.parts).toEqual(['ingestion', 'query']);
  });

  it('reads a small development run', () => {
    const settings = loadAuditSettings({
      BENCH_EVENTS: '5_000',
      BENCH_RECORDS: '20000',
      BENCH_PARTS: 'query',
      BENCH_AUDIT_RUN: 'source',
      BENCH_AUDIT_NODE_ARGS: ' --cpu-prof  --cpu-prof-dir=/tmp/p ',
      BENCH_INGEST_BATCH: '200',
      BENCH_VERIFY: '1',
      BENCH_KEEP_DB: '1',
    });

    expect(settings).toMatchObject({
      events: 5000,
      records: 20_000,
      parts: ['query'],
      run: 'source',
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/p'],
      ingestBatch: 200,
      verify: true,
      keepDatabase: true,
    });
  });

  it('names every bad setting at once', () => {
    expect(() =>
      loadAuditSettings({ BENCH_EVENTS: '0', BENCH_PARTS: 'export', BENCH_AUDIT_RUN: 'docker' }),
    ).toThrow(/BENCH_EVENTS[\s\S]*BENCH_AUDIT_RUN[\s\S]*BENCH_PARTS/);
  });
});
