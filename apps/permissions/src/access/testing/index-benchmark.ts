// The in-process part of `nx run bench:bench-permissions`, run by the benchmark as its own process
// (a tool may not import an app): builds an AccessIndex from the seed events, then times checks.
// Input from the environment: INDEX_BENCH_EVENTS (an NDJSON file of envelopes), INDEX_BENCH_QUERIES
// (a JSON array of check bodies), INDEX_BENCH_CHECKS; run with --expose-gc for the heap figure.
// Prints one line `BENCH_RESULT <json>` (see IndexBenchResult).
import { readFileSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { builtInRoles } from '../../roles/catalog/built-in-roles';
import { DEFAULT_PERMISSION_CATALOG } from '../../roles/catalog/permission-catalog';
import { AccessQuery } from '../access-decision';
import { AccessIndex } from '../access-index';

export interface IndexBenchResult {
  readonly events: number;
  readonly applySeconds: number;
  /** Heap the index holds after a full GC (null without --expose-gc). */
  readonly indexHeapMb: number | null;
  readonly checks: number;
  readonly checksPerSecond: number;
  readonly allowedFraction: number;
  /** Each check timed on its own; the timer's own cost (timerNs) is included. */
  readonly p50Ns: number;
  readonly p99Ns: number;
  readonly timerNs: number;
}

interface CheckBody {
  readonly principal: { type: 'app' | 'user'; id: string };
  readonly permission: string;
  readonly tenant: string;
  readonly folder?: string;
}

const LATENCY_SAMPLES = 200_000;
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

async function buildIndex(eventsFile: string) {
  const catalog = DEFAULT_PERMISSION_CATALOG;
  const before = heapMb();
  const index = new AccessIndex({
    catalog: catalog.permissions.map((p) => p.name),
    builtInRoles: new Map(builtInRoles(catalog).map((r) => [r.roleId, r])),
  });
  const started = process.hrtime.bigint();
  let events = 0;
  for await (const line of createInterface({ input: createReadStream(eventsFile) })) {
    if (line === '') continue;
    index.apply(JSON.parse(line));
    events++;
  }
  const applySeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const indexHeapMb = gc ? heapMb() - before : null;
  return { index, events, applySeconds, indexHeapMb };
}

/** Checks cycling through the queries; returns how many were allowed (so none is optimized out). */
function runChecks(index: AccessIndex, queries: readonly AccessQuery[], count: number): number {
  let allowed = 0;
  for (let i = 0; i < count; i++) if (index.check(queries[i % queries.length]).allowed) allowed++;
  return allowed;
}

function latencies(index: AccessIndex, queries: readonly AccessQuery[]) {
  const samples = new Float64Array(LATENCY_SAMPLES);
  for (let i = 0; i < samples.length; i++) {
    const query = queries[i % queries.length];
    const started = process.hrtime.bigint();
    index.check(query);
    samples[i] = Number(process.hrtime.bigint() - started);
  }
  const timer = new Float64Array(LATENCY_SAMPLES);
  for (let i = 0; i < timer.length; i++) {
    const started = process.hrtime.bigint();
    timer[i] = Number(process.hrtime.bigint() - started);
  }
  samples.sort();
  timer.sort();
  const at = (sorted: Float64Array, p: number) => sorted[Math.ceil(p * sorted.length) - 1] ?? NaN;
  return { p50Ns: at(samples, 0.5), p99Ns: at(samples, 0.99), timerNs: at(timer, 0.5) };
}

async function main(): Promise<void> {
  const eventsFile = process.env['INDEX_BENCH_EVENTS'];
  const queriesFile = process.env['INDEX_BENCH_QUERIES'];
  const checks = Number(process.env['INDEX_BENCH_CHECKS']);
  if (!eventsFile || !queriesFile || !Number.isInteger(checks) || checks < 1) {
    throw new Error('set INDEX_BENCH_EVENTS, INDEX_BENCH_QUERIES and INDEX_BENCH_CHECKS (>= 1)');
  }
  const built = await buildIndex(eventsFile);
  const bodies = JSON.parse(readFileSync(queriesFile, 'utf8')) as CheckBody[];
  const queries: AccessQuery[] = bodies.map((b) => ({
    principal: b.principal,
    permission: b.permission,
    tenantId: b.tenant,
    folderId: b.folder,
  }));
  runChecks(built.index, queries, Math.min(checks, 200_000));
  const started = process.hrtime.bigint();
  const allowed = runChecks(built.index, queries, checks);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const result: IndexBenchResult = {
    events: built.events,
    applySeconds: built.applySeconds,
    indexHeapMb: built.indexHeapMb,
    checks,
    checksPerSecond: checks / seconds,
    allowedFraction: allowed / checks,
    ...latencies(built.index, queries),
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
