import { Agent } from 'node:http';
import { HttpCall, percentile, send } from './load';

/** Wall time for the pacing; injected so the schedule can be tested without waiting. */
export interface LoadClock {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: LoadClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface OpenLoadOptions {
  readonly baseUrl: string;
  /** Requests started per second, whatever the answers (open loop). */
  readonly ratePerSecond: number;
  readonly requests: number;
  readonly next: (n: number) => HttpCall;
  /** Requests in flight at most; a request due beyond it waits (and its schedule lag shows it). */
  readonly maxInFlight?: number;
  readonly ok?: (status: number) => boolean;
  readonly clock?: LoadClock;
}

export interface OpenLoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  /** Requests answered per second over the run: below the rate when the server fell behind. */
  readonly perSecond: number;
  /** From sending a request to its answer. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** From when a request was due to its answer: includes waiting to be sent (no coordinated omission). */
  readonly scheduledP99Ms: number;
  /** How late the latest request was sent after it was due. */
  readonly maxSendLagMs: number;
  readonly statuses: Readonly<Record<number, number>>;
  readonly transportError?: string;
}

export const DEFAULT_MAX_IN_FLIGHT = 256;
/** The pacing wakes this often and sends every request that is due by then. */
const TICK_MS = 1;

/**
 * Sends `requests` calls at a fixed rate over keep-alive connections, each started when due
 * whether or not earlier ones were answered: latency at a given load, unlike runLoad's closed
 * loop, which measures the most a server can take. Due times are spread evenly; the timer wakes
 * every millisecond, so at 5,000/s about five requests leave per tick.
 */
export async function runOpenLoad(options: OpenLoadOptions): Promise<OpenLoadResult> {
  const clock = options.clock ?? realClock;
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const url = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
  const ok = options.ok ?? ((s: number) => s >= 200 && s < 300);
  const interval = 1000 / options.ratePerSecond;
  const latencies: number[] = [];
  const scheduled: number[] = [];
  const statuses: Record<number, number> = {};
  const waiting: { n: number; dueAt: number }[] = [];
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  let maxSendLagMs = 0;
  let transportError: string | undefined;

  const start = (n: number, dueAt: number) => {
    const sentAt = clock.now();
    maxSendLagMs = Math.max(maxSendLagMs, sentAt - dueAt);
    const call = send(url, agent, options.next(n), false)
      .catch((error: unknown) => {
        transportError ??= error instanceof Error ? error.message : String(error);
        return { status: 0, body: '' };
      })
      .then(({ status }) => {
        const doneAt = clock.now();
        latencies.push(doneAt - sentAt);
        scheduled.push(doneAt - dueAt);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (!ok(status)) errors++;
        inFlight.delete(call);
        const queued = waiting.shift();
        if (queued) start(queued.n, queued.dueAt);
      });
    inFlight.add(call);
  };

  const begin = clock.now();
  for (let n = 0; n < options.requests; ) {
    const due = Math.min(options.requests, Math.floor((clock.now() - begin) / interval) + 1);
    for (; n < due; n++) {
      const dueAt = begin + n * interval;
      if (inFlight.size < maxInFlight) start(n, dueAt);
      else waiting.push({ n, dueAt });
    }
    if (n < options.requests) await clock.sleep(TICK_MS);
  }
  while (inFlight.size > 0 || waiting.length > 0) await Promise.race(inFlight);
  const seconds = (clock.now() - begin) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  scheduled.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    scheduledP99Ms: percentile(scheduled, 0.99),
    maxSendLagMs,
    statuses,
    ...(transportError === undefined ? {} : { transportError }),
  };
}
