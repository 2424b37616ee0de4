import { spawn, type StdioOptions } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const WATCHDOG = join(__dirname, 'watchdog.js');

const live = new Set<OwnedProcess>();

/** For process 'exit' handlers: asks every still-running owned server to stop. */
export function signalStopAll(): void {
  for (const owned of live) owned.signalStop();
}

export interface SpawnOwnedOptions {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Server stdout+stderr are appended here; without it they are piped to `output`. */
  logFile?: string;
  /** Deleted by the watchdog if the owner dies without cleaning up (a run's data directory). */
  orphanDir?: string;
  /** Defaults to this process. */
  ownerPid?: number;
}

export interface OwnedProcess {
  /** Pid of the watchdog, which is also the process group of watchdog + server. */
  readonly pid: number;
  /** Resolves with the server's exit code once the watchdog is gone. */
  readonly exited: Promise<number | null>;
  readonly output: { stdout: Readable; stderr: Readable } | null;
  hasExited(): boolean;
  /** SIGTERM (forwarded by the watchdog), then SIGKILL for the whole group after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Synchronous best effort for process 'exit' handlers, where nothing async runs any more. */
  signalStop(): void;
}

/** Starts `command` under a watchdog that kills it when this process dies in any way. */
export function spawnOwned(options: SpawnOwnedOptions): OwnedProcess {
  const logFd = options.logFile ? openSync(options.logFile, 'a') : null;
  const stdio: StdioOptions =
    logFd === null ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd];
  const ownerPid = options.ownerPid ?? process.pid;
  const child = spawn(
    process.execPath,
    [WATCHDOG, String(ownerPid), options.orphanDir ?? '-', options.command, ...options.args],
    { cwd: options.cwd, env: options.env ?? process.env, stdio, detached: true },
  );
  if (logFd !== null) closeSync(logFd);
  // The owner's lifetime is decided by its own work, not by the servers it babysits.
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start watchdog for ${options.command}`);
  const pid = child.pid;

  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      done = true;
      resolve(code);
    });
  });

  const signal = (target: number, sig: NodeJS.Signals) => {
    try {
      process.kill(target, sig);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };

  const owned: OwnedProcess = {
    pid,
    exited,
    output: child.stdout && child.stderr ? { stdout: child.stdout, stderr: child.stderr } : null,
    hasExited: () => done,
    signalStop: () => {
      if (!done) signal(pid, 'SIGTERM');
    },
    stop: async (graceMs = 10_000) => {
      if (done) return;
      signal(pid, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
      ]);
      clearTimeout(timer);
      if (timedOut && !done) {
        signal(-pid, 'SIGKILL');
        await exited;
      }
    },
  };
  live.add(owned);
  void exited.then(() => live.delete(owned));
  return owned;
}
