import { readFileSync } from 'node:fs';
import { HttpCall } from './load';
import { OpenLoadResult, runOpenLoad } from './open-load';

/** What the parent writes for the child (open-load-process.ts). */
export interface OpenLoadSpec {
  readonly baseUrl: string;
  readonly ratePerSecond: number;
  readonly requests: number;
  /**
   * Sent first at the same rate and not counted: a fresh process's first second (cold JIT, new
   * connections) was measured at hundreds of ms late.
   */
  readonly warmupRequests: number;
  readonly maxInFlight?: number;
  /** Request n is calls[n % calls.length]. */
  readonly calls: readonly HttpCall[];
  /** Statuses counted as success; any other is an error. */
  readonly okStatuses: readonly number[];
}

export const OPEN_LOAD_RESULT_PREFIX = 'OPEN_LOAD_RESULT ';

/** Runs the fixed-rate load the spec file describes and prints the result as one line. */
export async function main(specFile: string): Promise<OpenLoadResult> {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as OpenLoadSpec;
  const ok = new Set(spec.okStatuses);
  const run = (requests: number) =>
    runOpenLoad({
      baseUrl: spec.baseUrl,
      ratePerSecond: spec.ratePerSecond,
      requests,
      maxInFlight: spec.maxInFlight,
      next: (n) => spec.calls[n % spec.calls.length],
      ok: (status) => ok.has(status),
    });
  if (spec.warmupRequests > 0) await run(spec.warmupRequests);
  const result = await run(spec.requests);
  process.stdout.write(`${OPEN_LOAD_RESULT_PREFIX}${JSON.stringify(result)}\n`);
  return result;
}

if (require.main === module) {
  const specFile = process.env['OPEN_LOAD_SPEC'];
  if (!specFile) throw new Error('OPEN_LOAD_SPEC (a spec file) is required');
  main(specFile).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
