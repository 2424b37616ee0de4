import { Agent, request } from 'node:http';

export interface HttpCall {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface LoadOptions {
  readonly baseUrl: string;
  /** Requests in flight at once (closed loop: each worker waits for its answer). */
  readonly concurrency: number;
  readonly requests: number;
  /** The n-th request to send; lets a run spread work over many apps or vary bodies. */
  readonly next: (n: number) => HttpCall;
  /** Statuses that count as success; anything else is counted as an error. */
  readonly ok?: (status: number) => boolean;
  /** Gets each answer (its body read only when this is given), e.g. to learn created ids. */
  readonly onResponse?: (n: number, status: number, body: string, latencyMs: number) => void;
}

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Counted as status 0; the first such failure's message. */
  readonly transportError?: string;
  readonly statuses: Readonly<Record<number, number>>;
}

/** Sends `requests` calls over keep-alive connections and measures each answer's latency. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const ok = options.ok ?? ((s: number) => s >= 200 && s < 300);
  let issued = 0;
  let errors = 0;
  const keepBody = options.onResponse !== undefined;
  let transportError: string | undefined;
  const worker = async () => {
    while (issued < options.requests) {
      const n = issued++;
      const call = options.next(n);
      const started = process.hrtime.bigint();
      const answer = await send(url, agent, call, keepBody).catch((error: unknown) => {
        transportError ??= error instanceof Error ? error.message : String(error);
        return { status: 0, body: '' };
      });
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      latencies.push(latencyMs);
      const status = answer.status;
      options.onResponse?.(n, status, answer.body, latencyMs);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!ok(status)) errors++;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    statuses,
    ...(transportError === undefined ? {} : { transportError }),
  };
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
}

/** One call on `agent`; the body is read only when `keepBody`. */
export function send(url: URL, agent: Agent, call: HttpCall, keepBody: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: call.method,
        path: call.path,
        agent,
        headers: {
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...call.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        if (keepBody) res.on('data', (chunk: Buffer) => chunks.push(chunk));
        else res.resume();
        res.once('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(call.body);
  });
}
