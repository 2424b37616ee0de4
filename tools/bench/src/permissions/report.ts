import type { OpenLoadResult } from '../open-load';
import { reportFrame } from '../report-frame';
import { table } from '../token/report';
import type { InProcessResults } from './in-process';
import type {
  MemoryResults,
  PermissionsBenchResults,
  SeedSummary,
  SetupResults,
  ThroughputResults,
} from './results';
import type { RouteStats } from './route-load';
import type { PermissionsBenchSettings } from './settings';

export const RATIO_TARGET = 0.5;
export const P99_TARGET_MS = 2;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(2);
const mb = (n: number) => n.toFixed(1);
const pct = (n: number) => `${Math.round(n * 100)}%`;
const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');

function seedLines(s: SeedSummary, settings: PermissionsBenchSettings): string[] {
  return [
    `Seed: ${int(s.tenants)} tenants, ${int(s.folders)} folders (trees ${settings.fanout} wide, ` +
      `${s.maxDepth} levels), ${int(s.roles)} custom roles + 2 built-in, ${int(s.apps)} apps, ` +
      `${int(s.assignments)} assignments; ${int(settings.queries)} distinct checks (half aimed at a grant)`,
  ];
}

function inProcessLines(r: InProcessResults): string[] {
  const heap = r.indexHeapMb === null ? 'not measured' : `${mb(r.indexHeapMb)} MB`;
  return [
    'In-process: AccessIndex in one process (from source), no HTTP',
    `  ${int(r.events)} events applied in ${r.applySeconds.toFixed(2)} s ` +
      `(${int(r.events / r.applySeconds)}/s); index heap after a full GC: ${heap}`,
    `  ${int(r.checks)} checks at ${int(r.checksPerSecond)} checks/s, ${pct(r.allowedFraction)} allowed; ` +
      `each timed: p50 ${int(r.p50Ns)} ns, p99 ${int(r.p99Ns)} ns (the timer itself ~${int(r.timerNs)} ns)`,
  ];
}

function httpLines(
  setup: SetupResults,
  t: ThroughputResults | undefined,
  s: PermissionsBenchSettings,
): string[] {
  const head = [
    `HTTP: the permissions service (${s.run}) fed through Kafka: ${int(setup.events)} events ` +
      `published in ${setup.publishSeconds.toFixed(1)} s, ready (caught up) after ` +
      `${setup.readySeconds.toFixed(1)} s; ${pct(setup.allowedFraction)} of the checks allowed`,
  ];
  if (!t) return head;
  const ratio = t.live.perSecond > 0 ? t.check.perSecond / t.live.perSecond : NaN;
  const row = (label: string, r: RouteStats) => [
    label,
    int(r.requests),
    r.seconds.toFixed(1),
    int(r.perSecond),
    ms(r.p50Ms),
    ms(r.p99Ms),
  ];
  return [
    ...head,
    `  closed loop, concurrency ${s.concurrency}, ${t.check.rounds} round(s) of ~${s.durationSeconds} s ` +
      `per route after ${s.warmupSeconds} s warm-up, same process, same token on both`,
    ...table([
      ['', 'requests', 'seconds', 'req/s', 'p50 ms', 'p99 ms'],
      row('GET /health/live (ceiling)', t.live),
      row('POST /v1/check', t.check),
    ]),
    `  ratio check / live: ${ratio.toFixed(2)} (target >= ${RATIO_TARGET}: ${verdict(ratio >= RATIO_TARGET)})`,
  ];
}

function fixedRateLines(r: OpenLoadResult, s: PermissionsBenchSettings): string[] {
  return [
    `Fixed rate (open loop): POST /v1/check at ${int(s.rate)}/s for ${s.rateSeconds} s`,
    `  ${int(r.requests)} answered at ${int(r.perSecond)}/s; p50 ${ms(r.p50Ms)} ms, p99 ${ms(r.p99Ms)} ms ` +
      `(target <= ${P99_TARGET_MS} ms: ${verdict(r.p99Ms <= P99_TARGET_MS)})`,
    `  from each request's due time: p99 ${ms(r.scheduledP99Ms)} ms; sends at most ${ms(r.maxSendLagMs)} ms late`,
  ];
}

function memoryLines(m: MemoryResults, s: PermissionsBenchSettings): string[] {
  return [
    'Memory of the service process',
    ...table([
      ['', 'VmRSS MB', 'peak (VmHWM) MB'],
      [
        `after catch-up + ${s.settleMs / 1000} s idle`,
        mb(m.afterReady.rssMb),
        mb(m.afterReady.peakMb),
      ],
      ...(m.afterLoad ? [['after the load', mb(m.afterLoad.rssMb), mb(m.afterLoad.peakMb)]] : []),
    ]),
  ];
}

/** The final report: one block per finished part. */
export function formatPermissionsReport(
  results: PermissionsBenchResults,
  settings: PermissionsBenchSettings,
): string {
  const blocks = [
    results.seed && seedLines(results.seed, settings),
    results.inProcess && inProcessLines(results.inProcess),
    results.setup && httpLines(results.setup, results.throughput, settings),
    results.fixedRate && fixedRateLines(results.fixedRate, settings),
    results.memory && memoryLines(results.memory, settings),
  ];
  return reportFrame(`Permissions benchmark: ${results.infrastructure}`, blocks);
}
