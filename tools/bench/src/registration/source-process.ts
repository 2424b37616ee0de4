import { OwnedProcess, spawnOwned } from '@extapps/infra';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The workspace root: app entry points are run from source, relative to it. */
export const ROOT = resolve(__dirname, '..', '..', '..', '..');
const TAIL_LINES = 40;

export interface SourceProcess {
  readonly owned: OwnedProcess;
  /** Resolves with the exit code once both output streams are read to the end. */
  readonly finished: Promise<number | null>;
  /** The last lines it printed (stdout and stderr), for a failure's explanation. */
  tail(): string;
}

/**
 * Runs a TypeScript entry point of the workspace as its own process (a tool must not import app
 * code), transpiled on load like `nx run registration:rebuild`. It runs under the infra
 * watchdog, so it dies with this process whatever happens to it.
 */
export function runFromSource(
  script: string,
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
): SourceProcess {
  const owned = spawnOwned({
    command: process.execPath,
    args: ['-r', '@swc-node/register', script],
    cwd: ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
  });
  const tail: string[] = [];
  const read = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((done) => {
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      lines.on('line', (line) => {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        onLine(line);
      });
      lines.once('close', done);
    });
  const streams = owned.output ? [read(owned.output.stdout), read(owned.output.stderr)] : [];
  const finished = Promise.all([owned.exited, ...streams]).then(([code]) => code);
  return { owned, finished, tail: () => tail.join('\n') };
}

/**
 * Runs a source entry point that prints its result as one line `<prefix><JSON>`, and returns that
 * result; its other lines go to `onLine`. Fails with the child's last lines when it exits non-zero
 * or prints no result.
 */
export async function resultFromSource<T>(
  script: string,
  env: NodeJS.ProcessEnv,
  prefix: string,
  what: string,
  onLine: (line: string) => void,
): Promise<T> {
  // The child is unref'd (spawnOwned): without a timer of our own, this process would end while
  // waiting for it whenever nothing else (a Kafka connection) holds the event loop open.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    let found: T | undefined;
    const child = runFromSource(script, env, (line) => {
      if (line.startsWith(prefix)) found = JSON.parse(line.slice(prefix.length)) as T;
      else onLine(line);
    });
    const code = await child.finished;
    if (code !== 0 || found === undefined) {
      throw new Error(`${what} failed (exit ${code}):\n${child.tail()}`);
    }
    return found;
  } finally {
    clearInterval(keepAlive);
  }
}
