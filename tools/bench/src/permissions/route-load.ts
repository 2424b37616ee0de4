import { HttpCall, LoadResult, percentile, runLoad } from '../load';

/** One route's measured runs, merged. */
export interface RouteStats {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly rounds: number;
}

export interface CompareSettings {
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  readonly rounds: number;
}

/** Requests of a warm-up chunk: about this long at the last chunk's rate. */
const CHUNK_SECONDS = 1;

/**
 * Drives one route with the shared closed-loop generator. Every answer must be a 200: an error
 * is usually cheaper than the real answer and would flatter the rate, so one fails the run.
 */
export class RouteLoad {
  private rate = 0;
  private readonly latencies: number[] = [];
  private seconds = 0;
  private rounds = 0;

  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    private readonly concurrency: number,
    private readonly calls: (n: number) => HttpCall,
  ) {}

  /** Loads the route for `seconds` in chunks; the last chunk's rate sizes the measured runs. */
  async warmUp(seconds: number): Promise<void> {
    const until = Date.now() + seconds * 1000;
    let requests = this.concurrency * 10;
    while (Date.now() < until) {
      this.rate = (await this.run(requests)).perSecond;
      requests = Math.max(this.concurrency * 4, Math.round(this.rate * CHUNK_SECONDS));
    }
  }

  /** One measured run of about `seconds`, sized from the warm-up's rate. */
  async measure(seconds: number): Promise<void> {
    if (this.rate <= 0) throw new Error(`${this.name}: measured before warming up`);
    const latencies: number[] = [];
    const requests = Math.max(this.concurrency, Math.round(this.rate * seconds));
    const result = await this.run(requests, latencies);
    this.latencies.push(...latencies);
    this.seconds += result.seconds;
    this.rounds++;
  }

  stats(): RouteStats {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      requests: sorted.length,
      seconds: this.seconds,
      perSecond: this.seconds > 0 ? sorted.length / this.seconds : 0,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      rounds: this.rounds,
    };
  }

  private async run(requests: number, latencies?: number[]): Promise<LoadResult> {
    let refusal: string | undefined;
    const result = await runLoad({
      baseUrl: this.baseUrl,
      concurrency: this.concurrency,
      requests,
      next: this.calls,
      ok: (status) => status === 200,
      onResponse: (_n, status, body, latencyMs) => {
        latencies?.push(latencyMs);
        if (status !== 200) refusal ??= `HTTP ${status} ${body.slice(0, 300)}`;
      },
    });
    if (result.errors > 0) {
      const detail = result.transportError ?? refusal ?? 'no detail';
      throw new Error(
        `${this.name}: ${result.errors} of ${result.requests} requests failed ` +
          `(${JSON.stringify(result.statuses)}); first: ${detail}`,
      );
    }
    return result;
  }
}

/**
 * Warms both routes up, then measures them in turns (A B, B A, ...) so drift in the machine's
 * other load (it is shared) falls on both alike.
 */
export async function compareRoutes(
  loads: readonly [RouteLoad, RouteLoad],
  settings: CompareSettings,
  log: (line: string) => void,
): Promise<void> {
  for (const load of loads) {
    log(`[http] warming up ${load.name} for ${settings.warmupSeconds} s`);
    await load.warmUp(settings.warmupSeconds);
  }
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? loads : [loads[1], loads[0]];
    for (const load of order) {
      log(`[http] round ${round + 1}/${settings.rounds}: ${load.name}`);
      await load.measure(settings.durationSeconds);
    }
  }
}
