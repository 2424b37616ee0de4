import { execFile } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OwnedProcess, spawnOwned, waitUntil } from '@extapps/infra';
import { ROOT } from '../registration/source-process';
import { Memory, readMemory, serverPid } from './proc-memory';

const STOP_GRACE_MS = 10_000;

/** A server under test in its own process (under the infra watchdog, so it dies with us). */
export interface RunningServer {
  readonly name: string;
  readonly baseUrl: string;
  /** Fails if the server has died. */
  assertAlive(): void;
  /** Resident memory of the server process itself (not of its watchdog). */
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

export interface ServerSpec {
  readonly name: string;
  readonly baseUrl: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
}

export function spawnServer(spec: ServerSpec): RunningServer {
  const owned: OwnedProcess = spawnOwned({
    command: spec.command,
    args: [...spec.args],
    cwd: ROOT,
    env: { ...process.env, ...spec.env },
  });
  const follow = (stream: NodeJS.ReadableStream) =>
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      spec.log(`  [${spec.name}] ${line}`);
    });
  if (owned.output) {
    follow(owned.output.stdout);
    follow(owned.output.stderr);
  }
  let pid: Promise<number> | undefined;
  const server: RunningServer = {
    name: spec.name,
    baseUrl: spec.baseUrl,
    assertAlive: () => {
      // Its output is already in the log, line by line.
      if (owned.hasExited()) throw new Error(`${spec.name} exited (its output is above)`);
    },
    memory: async () => readMemory(await (pid ??= serverPid(owned.pid))),
    stop: () => owned.stop(STOP_GRACE_MS),
  };
  return server;
}

/** Polls `url` until `ready` says yes; fails at once if the server died meanwhile. */
export async function waitForServer(
  server: RunningServer,
  url: string,
  timeoutMs: number,
  ready: (status: number) => boolean = (status) => status === 200,
): Promise<void> {
  let last = 'no answer yet';
  await waitUntil(
    async () => {
      server.assertAlive();
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        last = `HTTP ${response.status} ${(await response.text()).slice(0, 300)}`;
        return ready(response.status);
      } catch (error) {
        last = String(error);
        return false;
      }
    },
    {
      timeoutMs,
      intervalMs: 250,
      describe: () => `${server.name} was not ready after ${timeoutMs} ms (${url}): ${last}`,
    },
  );
}

/** `node tools/build/build-service.js token`: the artifact that is deployed (dist/apps/token). */
export async function buildTokenService(): Promise<string> {
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'tools/build/build-service.js'), 'token'],
    {
      cwd: ROOT,
    },
  );
  return join(ROOT, 'dist/apps/token/main.js');
}
