import { readdir, readFile } from 'node:fs/promises';

export interface Memory {
  /** Resident set size now (VmRSS). */
  readonly rssMb: number;
  /** Peak resident set size since the process started (VmHWM). */
  readonly peakMb: number;
}

const KB_PER_MB = 1024;

/** Reads VmRSS and VmHWM out of the text of /proc/<pid>/status (values are in kB). */
export function parseStatus(status: string): Memory {
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
    if (!match) throw new Error(`no ${field} in the process status`);
    return Number(match[1]);
  };
  return { rssMb: kb('VmRSS') / KB_PER_MB, peakMb: kb('VmHWM') / KB_PER_MB };
}

export async function readMemory(pid: number): Promise<Memory> {
  return parseStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
}

/**
 * The server's pid. Owned processes run under a watchdog (`spawnOwned`), whose only child is the
 * server; reading the watchdog's own memory would measure the wrong process. Linux only.
 */
export async function serverPid(watchdogPid: number): Promise<number> {
  const children = await readFile(`/proc/${watchdogPid}/task/${watchdogPid}/children`, 'utf8')
    .then(pids)
    .catch(() => childrenByScan(watchdogPid));
  if (children.length !== 1) {
    throw new Error(`expected one child of watchdog ${watchdogPid}, found ${children.length}`);
  }
  return children[0];
}

const pids = (text: string): number[] =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

/** Fallback for kernels without the `children` file: the 4th field of /proc/<pid>/stat. */
async function childrenByScan(parent: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (parentOf(stat) === parent) found.push(Number(entry));
  }
  return found;
}

/** The parent pid in a /proc/<pid>/stat line; the command name (2nd field) may hold spaces. */
export function parentOf(stat: string): number | undefined {
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(afterName[1]);
  return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
}
