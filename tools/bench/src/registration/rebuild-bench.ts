import { connectMongo } from '@extapps/mongo';
import { rawCursorRead } from './raw-read';
import { runRebuild } from './rebuild-run';
import type { RebuildResults } from './report';
import { EVENTS_COLLECTION, seedEvents } from './seed';
import { EVENTS_PER_APP } from './seed-events';
import type { BenchSettings } from './settings';

export interface RebuildBenchOptions {
  readonly mongoUrl: string;
  readonly database: string;
  readonly settings: BenchSettings;
  readonly log: (line: string) => void;
  /** Names the step under way, for a failure's message. */
  readonly step: (name: string) => void;
  /** Called once the database may exist, so that it is dropped at the end. */
  readonly created: (database: string) => void;
}

/**
 * Seeds the log, reads it once with a bare cursor and then has the rebuild CLI replay it: both
 * read the same collection on the same server in the same run, so their ratio is meaningful
 * even where the absolute numbers depend on the machine.
 */
export async function benchRebuild(options: RebuildBenchOptions): Promise<RebuildResults> {
  const { settings, log } = options;
  options.step(`connecting to ${options.database}`);
  const connection = await connectMongo({ url: options.mongoUrl, dbName: options.database });
  options.created(options.database);
  try {
    options.step(`seeding ${settings.events} events into ${options.database}.${EVENTS_COLLECTION}`);
    log(`[seed] ${settings.events} events into ${options.database}.${EVENTS_COLLECTION}`);
    const seed = await seedEvents(connection, {
      events: settings.events,
      insertBatch: settings.insertBatch,
      log,
    });

    options.step('raw cursor read');
    log(`[raw] one cursor over ${EVENTS_COLLECTION}, batch size ${settings.readBatch}`);
    const raw = await rawCursorRead(connection, EVENTS_COLLECTION, settings.readBatch);
    log(
      `[raw] ${raw.events} events in ${raw.seconds.toFixed(1)} s (${Math.round(raw.perSecond)} events/s)`,
    );
    expectCount('the raw cursor read', raw.events, seed.events);

    options.step('rebuild CLI');
    log(`[rebuild] node -r @swc-node/register apps/registration/src/rebuild/main.ts`);
    const rebuild = await runRebuild({
      mongoUrl: options.mongoUrl,
      database: options.database,
      batchSize: settings.readBatch,
      log,
    });
    expectCount('the rebuild', rebuild.events, seed.events);
    expectCount('the rebuild’s app views', rebuild.views, Math.ceil(seed.events / EVENTS_PER_APP));
    return { seed, raw, rebuild };
  } finally {
    await connection.close();
  }
}

function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what} saw ${actual}, expected ${expected}`);
}
