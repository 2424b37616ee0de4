import { loadPermissionsSettings, PERMISSIONS_DEFAULTS } from './settings';

describe('loadPermissionsSettings', () => {
  it('runs the issue scale with no settings: 10,000 folders, 100,000 assignments, 5,000 checks/s', () => {
    const settings = loadPermissionsSettings({});

    expect(settings).toEqual(PERMISSIONS_DEFAULTS);
    expect([settings.folders, settings.assignments, settings.rate]).toEqual([
      10_000, 100_000, 5000,
    ]);
    expect(settings.parts).toEqual(['in-process', 'http']);
  });

  it('reads a small development run', () => {
    const settings = loadPermissionsSettings({
      BENCH_FOLDERS: '1_000',
      BENCH_ASSIGNMENTS: '5000',
      BENCH_TENANTS: '2',
      BENCH_RATE: '500',
      BENCH_PARTS: 'http',
      BENCH_PERMISSIONS_RUN: 'source',
      BENCH_PERMISSIONS_NODE_ARGS: ' --cpu-prof  --cpu-prof-dir=/tmp/p ',
      BENCH_KEEP_DB: '1',
    });

    expect(settings).toMatchObject({
      folders: 1000,
      assignments: 5000,
      tenants: 2,
      rate: 500,
      parts: ['http'],
      run: 'source',
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/p'],
      keepDatabase: true,
    });
  });

  it('names every bad setting at once', () => {
    expect(() =>
      loadPermissionsSettings({ BENCH_FOLDERS: '3', BENCH_TENANTS: '5', BENCH_RATE: 'fast' }),
    ).toThrow(/BENCH_RATE must be an integer[\s\S]*BENCH_FOLDERS \(3\) must be at least/);
  });
});
