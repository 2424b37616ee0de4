import { resultFromSource } from '../registration/source-process';
import type { Seed } from './seed';
import { writeSeedFiles } from './seed-files';

const CHILD = 'apps/permissions/src/access/testing/index-benchmark.ts';
const RESULT_PREFIX = 'BENCH_RESULT ';

/** What the child prints (apps/permissions/src/access/testing/index-benchmark.ts). */
export interface InProcessResults {
  readonly events: number;
  readonly applySeconds: number;
  readonly indexHeapMb: number | null;
  readonly checks: number;
  readonly checksPerSecond: number;
  readonly allowedFraction: number;
  readonly p50Ns: number;
  readonly p99Ns: number;
  readonly timerNs: number;
}

/**
 * Builds an AccessIndex from the seed and times checks against it, in a process of its own
 * running the service's code from source (a tool may not import an app), with --expose-gc so
 * the index's heap can be measured after a full collection.
 */
export async function measureInProcess(
  seed: Seed,
  checks: number,
  log: (line: string) => void,
): Promise<InProcessResults> {
  const files = await writeSeedFiles(seed);
  try {
    return await resultFromSource<InProcessResults>(
      CHILD,
      {
        INDEX_BENCH_EVENTS: files.events,
        INDEX_BENCH_QUERIES: files.queries,
        INDEX_BENCH_CHECKS: String(checks),
        NODE_OPTIONS: '--expose-gc',
      },
      RESULT_PREFIX,
      'the in-process benchmark',
      (line) => log(`  [index] ${line}`),
    );
  } finally {
    await files.remove();
  }
}
