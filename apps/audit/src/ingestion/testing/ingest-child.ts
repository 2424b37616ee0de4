import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from '@extapps/testing';

const REPO_ROOT = join(__dirname, '../../../../..');

export interface IngestChild {
  /** The totals it last printed. */
  readonly totals: { stored: number; duplicates: number };
  started(): Promise<void>;
  storedAtLeast(count: number, timeoutMs?: number): Promise<void>;
  /** Sends the signal and resolves once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** testing/ingest-process.ts in a process of its own, with `env` on top of this one's. */
export function spawnIngestion(env: Record<string, string>): IngestChild {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'ingest-process.ts')],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const state = { started: false, stderr: '', totals: { stored: 0, duplicates: 0 } };
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const parsed = JSON.parse(line) as {
        started?: boolean;
        stored?: number;
        duplicates?: number;
      };
      if (parsed.started) state.started = true;
      else state.totals = { stored: parsed.stored ?? 0, duplicates: parsed.duplicates ?? 0 };
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (state.stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => {
    if (child.exitCode !== null) throw new Error(`ingestion process exited: ${state.stderr}`);
  };
  return {
    get totals() {
      return state.totals;
    },
    started: () =>
      eventually(() => (alive(), expect(state.started).toBe(true)), { timeoutMs: 60_000 }),
    storedAtLeast: (count, timeoutMs = 60_000) =>
      eventually(() => (alive(), expect(state.totals.stored).toBeGreaterThanOrEqual(count)), {
        timeoutMs,
        intervalMs: 5,
      }),
    stop: async (signal) => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}
