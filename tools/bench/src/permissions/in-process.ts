import { runFromSource } from '../registration/source-process';
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
  // The child is unref'd (spawnOwned): without a timer of our own, this process would end while
  // waiting for it whenever nothing else (a Kafka connection) holds the event loop open.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    let found: InProcessResults | undefined;
    const child = runFromSource(
      CHILD,
      {
        INDEX_BENCH_EVENTS: files.events,
        INDEX_BENCH_QUERIES: files.queries,
        INDEX_BENCH_CHECKS: String(checks),
        NODE_OPTIONS: '--expose-gc',
      },
      (line) => {
        if (line.startsWith(RESULT_PREFIX)) found = JSON.parse(line.slice(RESULT_PREFIX.length));
        else log(`  [index] ${line}`);
      },
    );
    const code = await child.finished;
    if (code !== 0 || !found) {
      throw new Error(`the in-process benchmark failed (exit ${code}):\n${child.tail()}`);
    }
    return found;
  } finally {
    clearInterval(keepAlive);
    await files.remove();
  }
}
