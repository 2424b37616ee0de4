import {
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Log } from '../types';
import { realSleep, type Sleep } from '../wait';
import { isAlive } from './pids';

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env['EXTAPPS_CACHE_DIR'] || join(homedir(), '.cache', 'extapps');
}

export interface EnsureCachedOptions {
  root: string;
  /** Entry name (file or directory) under `root`, e.g. "kafka-4.1.1". */
  name: string;
  /** Creates the entry at the given temporary path; it is renamed into place only on success. */
  build: (tmpPath: string) => Promise<void>;
  log: Log;
  sleep?: Sleep;
  lockWaitMs?: number;
}

/**
 * Returns `root/name`, building it first when missing. Building goes to a temporary path that is
 * renamed into place (an interrupted build never leaves a half entry), under an exclusive lock
 * file so that two concurrent runs do not both download or compile.
 */
export async function ensureCached(options: EnsureCachedOptions): Promise<string> {
  const { root, name, log } = options;
  const target = join(root, name);
  const lockFile = join(root, `${name}.lock`);
  const sleep = options.sleep ?? realSleep;
  const deadline = Date.now() + (options.lockWaitMs ?? 20 * 60_000);
  let reportedWait = false;
  mkdirSync(root, { recursive: true });
  while (!existsSync(target)) {
    const lock = tryLock(lockFile);
    if (lock === 'locked') {
      if (!reportedWait) log(`[infra] waiting for another run that is preparing ${target}`);
      reportedWait = true;
      if (Date.now() > deadline)
        throw new Error(`gave up waiting for ${lockFile}; delete it if no build is running`);
      await sleep(1000);
      continue;
    }
    try {
      if (existsSync(target)) break;
      removeLeftovers(root, name);
      const tmpPath = join(root, `.${name}.tmp-${process.pid}`);
      await options.build(tmpPath);
      moveIntoPlace(tmpPath, target);
    } finally {
      removeLeftovers(root, name);
      rmSync(lockFile, { force: true });
    }
  }
  return target;
}

function tryLock(lockFile: string): 'acquired' | 'locked' {
  try {
    const fd = openSync(lockFile, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return 'acquired';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let content: string;
  try {
    content = readFileSync(lockFile, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return tryLock(lockFile);
    throw error;
  }
  // Empty: the holder has created it but not written its pid yet.
  if (!content || isAlive(Number(content))) return 'locked';
  // A lock whose writer died (killed mid-build) would otherwise block every later run.
  rmSync(lockFile, { force: true });
  return tryLock(lockFile);
}

function moveIntoPlace(tmpPath: string, target: string): void {
  try {
    renameSync(tmpPath, target);
  } catch (error) {
    // Two runs that both judged the same lock stale may both build; the first one to finish wins.
    if (!existsSync(target)) throw error;
  }
}

/** Temporary entries of builders that died; a live builder's entry is left alone. */
function removeLeftovers(root: string, name: string): void {
  const prefix = `.${name}.tmp-`;
  for (const entry of readdirSync(root)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (pid === process.pid || !isAlive(pid))
      rmSync(join(root, entry), { recursive: true, force: true });
  }
}
