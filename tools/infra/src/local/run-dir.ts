import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './pids';

const PREFIX = 'extapps-infra-';

/**
 * A fresh directory for one run's data and logs, named after the owning pid. Directories of
 * owners that died without cleaning up are swept first, so crashed runs never pile up.
 */
export function createRunDir(base: string = tmpdir()): string {
  for (const entry of readdirSync(base)) {
    if (!entry.startsWith(PREFIX)) continue;
    const owner = Number(entry.slice(PREFIX.length).split('-')[0]);
    if (owner && owner !== process.pid && !isAlive(owner))
      rmSync(join(base, entry), { recursive: true, force: true });
  }
  return mkdtempSync(join(base, `${PREFIX}${process.pid}-`));
}

/** Last lines of a log file for error messages; empty when the file was never written. */
export function tailFile(path: string, lines = 40): string {
  if (!existsSync(path)) return '';
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
