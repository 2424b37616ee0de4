import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPEN_LOAD_RESULT_PREFIX, OpenLoadSpec } from './open-load-child';
import { OpenLoadResult } from './open-load';
import { runFromSource } from './registration/source-process';

const CHILD = 'tools/bench/src/open-load-child.ts';

/**
 * runOpenLoad in a process of its own. Why: a benchmark's main process holds its seed (hundreds
 * of thousands of events), whose major garbage collections would stall the generator, and a
 * latency percentile at a fixed rate counts every stall as the server's. The child holds only the
 * calls it sends.
 */
export async function runOpenLoadInChild(
  spec: OpenLoadSpec,
  log: (line: string) => void,
): Promise<OpenLoadResult> {
  const dir = await mkdtemp(join(tmpdir(), 'extapps-open-load-'));
  // The child is unref'd (spawnOwned): this timer keeps the parent waiting for it.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    const specFile = join(dir, 'spec.json');
    await writeFile(specFile, JSON.stringify(spec));
    let found: OpenLoadResult | undefined;
    const child = runFromSource(CHILD, { OPEN_LOAD_SPEC: specFile }, (line) => {
      if (line.startsWith(OPEN_LOAD_RESULT_PREFIX)) {
        found = JSON.parse(line.slice(OPEN_LOAD_RESULT_PREFIX.length)) as OpenLoadResult;
      } else log(`  [open-load] ${line}`);
    });
    const code = await child.finished;
    if (code !== 0 || !found) {
      throw new Error(`the fixed-rate load failed (exit ${code}):\n${child.tail()}`);
    }
    return found;
  } finally {
    clearInterval(keepAlive);
    await rm(dir, { recursive: true, force: true });
  }
}
