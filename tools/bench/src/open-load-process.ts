import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPEN_LOAD_RESULT_PREFIX, OpenLoadSpec } from './open-load-child';
import { OpenLoadResult } from './open-load';
import { resultFromSource } from './registration/source-process';

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
  try {
    const specFile = join(dir, 'spec.json');
    await writeFile(specFile, JSON.stringify(spec));
    return await resultFromSource<OpenLoadResult>(
      CHILD,
      { OPEN_LOAD_SPEC: specFile },
      OPEN_LOAD_RESULT_PREFIX,
      'the fixed-rate load',
      (line) => log(`  [open-load] ${line}`),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
