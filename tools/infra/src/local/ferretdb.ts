import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tcpOpen } from '../docker-engine';
import type { Log } from '../types';
import { waitUntil } from '../wait';
import { ensureCached } from './cache';
import { spawnOwned, type OwnedProcess } from './process';
import { tailFile } from './run-dir';
import { runCommand } from './run-command';

export const FERRETDB_VERSION = '1.24.2';
const WRAPPER_DIR = resolve(__dirname, '..', '..', 'ferretdb');

/** The FerretDB binary, compiled once from the wrapper module into the cache. */
export function ensureFerretDbBinary(cache: string, log: Log): Promise<string> {
  return ensureCached({
    root: cache,
    name: `ferretdb-${FERRETDB_VERSION}`,
    log,
    build: async (tmp) => {
      log(`[infra] building FerretDB ${FERRETDB_VERSION} with Go (first run only, 2-3 minutes)`);
      // Pure-Go SQLite: no C toolchain needed, and the binary does not depend on system libraries.
      await runCommand('go', ['build', '-trimpath', '-o', tmp, '.'], {
        cwd: WRAPPER_DIR,
        env: { ...process.env, CGO_ENABLED: '0' },
        log,
        label: 'building FerretDB',
      });
      log(`[infra] FerretDB binary cached in ${cache}`);
    },
  });
}

export interface FerretDbOptions {
  binary: string;
  runDir: string;
  port: number;
  timeoutMs: number;
}

export interface RunningFerretDb {
  readonly mongoUrl: string;
  readonly process: OwnedProcess;
  readonly logFile: string;
}

/** Starts FerretDB on a fresh SQLite directory; resolves when it accepts connections. */
export async function startFerretDb(options: FerretDbOptions): Promise<RunningFerretDb> {
  const dir = join(options.runDir, 'ferretdb');
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'ferretdb.log');
  const proc = spawnOwned({
    command: options.binary,
    args: [
      `--listen-addr=127.0.0.1:${options.port}`,
      `--sqlite-dir=${join(dir, 'data')}`,
      '--log-level=warn',
    ],
    logFile,
    orphanDir: options.runDir,
  });
  await waitUntil(
    () => {
      if (proc.hasExited())
        throw new Error(`FerretDB exited during start-up:\n${tailFile(logFile)}`);
      return tcpOpen('127.0.0.1', options.port, 1000);
    },
    {
      timeoutMs: options.timeoutMs,
      describe: () => `FerretDB not ready after ${options.timeoutMs} ms:\n${tailFile(logFile)}`,
    },
  ).catch(async (error: unknown) => {
    await proc.stop();
    throw error;
  });
  return { mongoUrl: `mongodb://127.0.0.1:${options.port}/`, process: proc, logFile };
}
