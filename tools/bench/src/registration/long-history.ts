import { HttpCall, percentile } from '../load';
import { getCall, load, registerApps, renameCall } from './admin-load';
import type { RunningRegistration } from './service-process';

const GROW_CHUNK = 250;

export interface HistoryOptions {
  /** Events the long-lived app has when measured. */
  readonly history: number;
  /** Requests per measured kind. */
  readonly samples: number;
  readonly concurrency: number;
  readonly run: string;
  readonly log: (line: string) => void;
}

/** Latencies of requests sent one at a time. */
export interface Latencies {
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Requests per second of time spent waiting for them (one in flight at a time). */
  readonly perSecond: number;
}

export interface HistoryResults {
  readonly history: number;
  readonly patchLong: Latencies;
  readonly patchFresh: Latencies;
  readonly getLong: Latencies;
  readonly getFresh: Latencies;
}

/**
 * Loading an app folds its latest snapshot plus the events after it, so a command on an app with
 * thousands of events should cost about what it costs on a new app. The two are measured in
 * turns, one request at a time, so both see the same database (its size matters on FerretDB).
 */
export async function measureLongHistory(
  service: RunningRegistration,
  options: HistoryOptions,
): Promise<HistoryResults> {
  const [longId] = (await register(service, options, 'long-lived app', 1)) as [string];
  await grow(service, longId, options);
  // Registered after the growth, so that their events lie as near the end of the log as the
  // long-lived app's: FerretDB finds a document by scanning, and one near the start is found
  // at once, which would flatter the new apps.
  const fresh = await register(service, options, 'new apps', options.samples);
  const name = (n: number) => `Bench ${options.run} measured ${n}`;
  options.log(`[history] PATCH in turns: the ${options.history}-event app / apps with 1 event`);
  const [patchLong, patchFresh] = await inTurns(
    service,
    `PATCH /v1/apps/{id} (${options.history}-event app, 1-event apps in turns)`,
    options.samples,
    (n) => renameCall(longId, name(2 * n)),
    (n) => renameCall(fresh[n] as string, name(2 * n + 1)),
  );
  options.log(`[history] PATCH long ${describe(patchLong)}; fresh ${describe(patchFresh)}`);
  const [getLong, getFresh] = await inTurns(
    service,
    'GET /v1/apps/{id} (in turns)',
    options.samples,
    () => getCall(longId),
    (n) => getCall(fresh[n] as string),
  );
  options.log(`[history] GET long ${describe(getLong)}; fresh ${describe(getFresh)}`);
  return { history: options.history, patchLong, patchFresh, getLong, getFresh };
}

async function register(
  service: RunningRegistration,
  options: HistoryOptions,
  what: string,
  count: number,
): Promise<string[]> {
  const { ids } = await registerApps(service, {
    label: `POST /v1/apps (${what})`,
    prefix: `Bench ${options.run} ${what}`,
    count,
    concurrency: Math.min(count, options.concurrency),
  });
  return ids;
}

/** Renames the app one request after another until its stream holds `history` events. */
async function grow(service: RunningRegistration, appId: string, options: HistoryOptions) {
  for (let version = 1; version < options.history; ) {
    const requests = Math.min(GROW_CHUNK, options.history - version);
    const from = version;
    const result = await load(service, {
      label: `growing the long-lived app (PATCH from version ${from})`,
      requests,
      concurrency: 1,
      next: (n) => renameCall(appId, `Bench ${options.run} long ${from + n}`),
    });
    version += requests;
    options.log(
      `[history] long-lived app at ${version}/${options.history} events ` +
        `(last ${requests}: p50 ${result.p50Ms.toFixed(1)} ms)`,
    );
  }
}

/** `samples` requests of each kind, alternating a, b, a, b, ... one at a time. */
async function inTurns(
  service: RunningRegistration,
  label: string,
  samples: number,
  a: (n: number) => HttpCall,
  b: (n: number) => HttpCall,
): Promise<[Latencies, Latencies]> {
  const latencies: [number[], number[]] = [[], []];
  await load(service, {
    label,
    requests: 2 * samples,
    concurrency: 1,
    next: (n) => (n % 2 === 0 ? a : b)(Math.floor(n / 2)),
    onLatency: (n, ms) => latencies[n % 2]?.push(ms),
  });
  return [summarize(latencies[0]), summarize(latencies[1])];
}

export function summarize(latencies: readonly number[]): Latencies {
  const sorted = [...latencies].sort((x, y) => x - y);
  const totalMs = sorted.reduce((sum, ms) => sum + ms, 0);
  return {
    requests: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    perSecond: totalMs > 0 ? (1000 * sorted.length) / totalMs : 0,
  };
}

function describe(l: Latencies): string {
  return `p50 ${l.p50Ms.toFixed(1)} ms, p99 ${l.p99Ms.toFixed(1)} ms (${l.requests} requests)`;
}
