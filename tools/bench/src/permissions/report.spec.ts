import { formatPermissionsReport } from './report';
import type { PermissionsBenchResults } from './results';
import { PERMISSIONS_DEFAULTS } from './settings';

const route = (perSecond: number, p99Ms: number) => ({
  requests: perSecond * 10,
  seconds: 10,
  perSecond,
  p50Ms: p99Ms / 4,
  p99Ms,
  rounds: 2,
});

const full: PermissionsBenchResults = {
  infrastructure: 'local',
  seed: {
    tenants: 10,
    folders: 10_000,
    maxDepth: 4,
    roles: 50,
    apps: 10_000,
    assignments: 100_000,
  },
  inProcess: {
    events: 120_060,
    applySeconds: 2,
    indexHeapMb: 50.4,
    checks: 2_000_000,
    checksPerSecond: 1_500_000,
    allowedFraction: 0.53,
    p50Ns: 400,
    p99Ns: 1500,
    timerNs: 60,
  },
  setup: { events: 120_060, publishSeconds: 9, readySeconds: 12, allowedFraction: 0.53 },
  throughput: { live: route(10_000, 5), check: route(6_000, 9) },
  fixedRate: {
    requests: 50_000,
    errors: 0,
    seconds: 10,
    perSecond: 5000,
    p50Ms: 0.6,
    p99Ms: 2.5,
    scheduledP99Ms: 3,
    maxSendLagMs: 1.2,
    statuses: { 200: 50_000 },
  },
  memory: { afterReady: { rssMb: 150, peakMb: 160 }, afterLoad: { rssMb: 200, peakMb: 210 } },
};

describe('formatPermissionsReport', () => {
  it('prints the ratio to /health/live and the p99 at the fixed rate against their targets', () => {
    const report = formatPermissionsReport(full, PERMISSIONS_DEFAULTS);

    expect(report).toContain('ratio check / live: 0.60 (target >= 0.5: MET)');
    expect(report).toContain('p99 2.50 ms (target <= 2 ms: MISSED)');
    expect(report).toContain('1,500,000 checks/s');
    expect(report).toContain('index heap after a full GC: 50.4 MB');
    expect(report).toMatch(/after the load\s+200\.0\s+210\.0/);
  });

  it('given a run that failed early, then only the finished parts are printed', () => {
    const report = formatPermissionsReport(
      { infrastructure: 'local', seed: full.seed },
      PERMISSIONS_DEFAULTS,
    );

    expect(report).toContain('Seed: 10 tenants, 10,000 folders');
    expect(report).not.toContain('ratio');
  });
});
