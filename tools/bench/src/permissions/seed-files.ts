import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Seed } from './seed';

export interface SeedFiles {
  /** Every seed event, one envelope per line, as Kafka would carry them. */
  readonly events: string;
  readonly queries: string;
  remove(): Promise<void>;
}

/** The seed on disk, for the in-process part's child process. */
export async function writeSeedFiles(seed: Seed): Promise<SeedFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-permissions-'));
  const events = join(dir, 'events.ndjson');
  const out = createWriteStream(events);
  for (const event of [...seed.registration, ...seed.permissions]) {
    if (!out.write(`${JSON.stringify(event)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const queries = join(dir, 'queries.json');
  await writeFile(queries, JSON.stringify(seed.queries));
  return { events, queries, remove: () => rm(dir, { recursive: true, force: true }) };
}
