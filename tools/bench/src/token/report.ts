import { reportFrame } from '../report-frame';
import type { VerifiedToken } from './grant-target';
import type {
  MemoryResults,
  RevocationResults,
  ThroughputResults,
  TokenBenchResults,
} from './results';
import { propagationStats, PropagationStats } from './revocation';
import type { TokenBenchSettings } from './settings';
import type { GrantStats } from './throughput';

export const RATIO_TARGET = 1.5;
export const MEMORY_CEILING_MB = 250;
export const PROPAGATION_P99_TARGET_MS = 250;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(1);
const mb = (n: number) => n.toFixed(1);
const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');

export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map(
    (row) =>
      '  ' +
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  '),
  );
}

const tokenLine = (who: string, t: VerifiedToken) =>
  `${who}: ${t.alg} typ=${t.typ ?? '-'} kid=${t.kid ?? '-'}`;

function throughputLines(t: ThroughputResults, s: TokenBenchSettings): string[] {
  const ratio = t.peer.perSecond > 0 ? t.ours.perSecond / t.peer.perSecond : NaN;
  const row = (label: string, g: GrantStats) => [
    label,
    int(g.requests),
    g.seconds.toFixed(1),
    int(g.perSecond),
    ms(g.p50Ms),
    ms(g.p99Ms),
  ];
  return [
    `client_credentials, client_secret_basic: concurrency ${s.concurrency}, ${s.loadClients} clients, ` +
      `${t.ours.rounds} round(s) of ~${s.durationSeconds} s per server after ${s.warmupSeconds} s warm-up`,
    `  sample tokens verified against each server's JWKS: ${tokenLine('ours', t.ourToken)}; ${tokenLine('peer', t.peerToken)}`,
    ...table([
      ['', 'grants', 'seconds', 'grants/s', 'p50 ms', 'p99 ms'],
      row('token service (this)', t.ours),
      row(`node-oidc-provider ${t.peerVersion}`, t.peer),
    ]),
    `  ratio this / peer: ${ratio.toFixed(2)} grants/s (target >= ${RATIO_TARGET}: ${verdict(ratio >= RATIO_TARGET)}); ` +
      `p50 ${(t.ours.p50Ms / t.peer.p50Ms).toFixed(2)}, p99 ${(t.ours.p99Ms / t.peer.p99Ms).toFixed(2)}`,
    `  TokenIssued events on extapps.token.events.v1: ${int(t.onTopic)} of the ${int(t.issued)} tokens ` +
      `the instance issued to the load clients`,
  ];
}

function memoryLines(m: MemoryResults, s: TokenBenchSettings): string[] {
  const readings = [m.afterSettle, ...(m.afterLoad ? [m.afterLoad] : [])];
  const highest = Math.max(...readings.map((r) => r.rssMb));
  return [
    `Memory of the token service with ${int(s.apps)} registered apps`,
    ...table([
      ['', 'VmRSS MB', 'peak (VmHWM) MB'],
      [
        `after catch-up + ${s.settleMs / 1000} s idle`,
        mb(m.afterSettle.rssMb),
        mb(m.afterSettle.peakMb),
      ],
      ...(m.afterLoad
        ? [['after the load runs', mb(m.afterLoad.rssMb), mb(m.afterLoad.peakMb)]]
        : []),
    ]),
    `  ceiling ${MEMORY_CEILING_MB} MB resident: ${verdict(highest <= MEMORY_CEILING_MB)} (highest VmRSS ${mb(highest)} MB)`,
    ...(m.peerAfterLoad
      ? [
          `  for scale, node-oidc-provider (${s.loadClients} clients, in-memory) after its load: ` +
            `${mb(m.peerAfterLoad.rssMb)} MB`,
        ]
      : []),
  ];
}

function revocationLines({ how, samples }: RevocationResults, s: TokenBenchSettings): string[] {
  const instances = [...new Set(samples.map((p) => p.instance))];
  const row = (label: string, p: PropagationStats) => [
    label,
    String(p.samples),
    ms(p.p50Ms),
    ms(p.p99Ms),
    ms(p.maxMs),
  ];
  const all = propagationStats(samples);
  return [
    `Revocation propagation: ${instances.length} instances, ${s.revocations} secrets revoked one by one`,
    `  revoked by ${how}; a sample ends at an instance's first refusal`,
    ...table([
      ['', 'samples', 'p50 ms', 'p99 ms', 'max ms'],
      ...instances.map((i) => row(i, propagationStats(samples.filter((p) => p.instance === i)))),
      row('all instances', all),
    ]),
    `  target p99 <= ${PROPAGATION_P99_TARGET_MS} ms: ${verdict(all.p99Ms <= PROPAGATION_P99_TARGET_MS)}`,
  ];
}

/** The final report: one block per finished part. */
export function formatTokenReport(
  results: TokenBenchResults,
  settings: TokenBenchSettings,
): string {
  const setup = results.setup;
  const blocks = [
    setup && [
      `Setup: ${int(setup.apps)} apps published in ${setup.publishSeconds.toFixed(1)} s; the token ` +
        `service (${settings.tokenRun}) was ready after ${setup.readySeconds.toFixed(1)} s`,
    ],
    results.throughput && throughputLines(results.throughput, settings),
    results.memory && memoryLines(results.memory, settings),
    results.revocation && revocationLines(results.revocation, settings),
  ];
  return reportFrame(`Token benchmark: ${results.infrastructure}`, blocks);
}
