import { EventRegistry, registrationEvents } from '@extapps/contracts';
import { EventDocument, MongoEventStore } from '@extapps/event-store';
import type { Connection } from 'mongoose';
import { rate, Stopwatch } from './stopwatch';
import { envelopeOf, seedWindows } from './seed-events';

/**
 * The registration service's event collection. Must equal EVENTS_COLLECTION in
 * apps/registration/src/infrastructure/infrastructure.module.ts (a tool may not import an app),
 * or the rebuild CLI reads an empty collection and the benchmark fails on the event count.
 */
export const EVENTS_COLLECTION = 'events';
/** The service's queues: the seed's indexes are exactly the ones a running service has. */
const SERVICE_QUEUES = ['kafka', 'projections'];
/** Apps whose streams are interleaved in the log (see SeedPlan.window). */
const WINDOW_APPS = 1000;

export interface SeedOptions {
  readonly events: number;
  readonly insertBatch: number;
  readonly log: (line: string) => void;
}

export interface SeedResult {
  readonly events: number;
  readonly seconds: number;
}

/**
 * Writes the seed into `events` of a fresh database, with the store's indexes made first.
 * One insertMany at a time: the log's natural order is then position order, as in a live
 * store (several in flight were no faster on FerretDB, which writes one batch at a time).
 */
export async function seedEvents(
  connection: Connection,
  options: SeedOptions,
): Promise<SeedResult> {
  await new MongoEventStore(connection, {
    collection: EVENTS_COLLECTION,
    queues: SERVICE_QUEUES,
  }).init();
  const collection = connection.collection<EventDocument>(EVENTS_COLLECTION);
  const clock = new Stopwatch();
  let written = 0;
  let reported = 0;
  const windows = seedWindows({
    events: options.events,
    startAt: startOfSeed(),
    window: WINDOW_APPS,
  });
  for (const documents of windows) {
    if (written === 0) validateAll(documents);
    for (let i = 0; i < documents.length; i += options.insertBatch) {
      const batch = documents.slice(i, i + options.insertBatch);
      const result = await collection.insertMany(batch, { ordered: false });
      if (result.insertedCount !== batch.length) {
        throw new Error(`inserted ${result.insertedCount} of ${batch.length} events`);
      }
      written += batch.length;
      if (written - reported >= options.events / 20) {
        reported = written;
        options.log(progress(written, options.events, clock.seconds()));
      }
    }
  }
  if (reported < written) options.log(progress(written, options.events, clock.seconds()));
  return { events: written, seconds: clock.seconds() };
}

/** Every event of the first window through the contracts' registry: one of each type at least. */
function validateAll(documents: readonly EventDocument[]): void {
  const registry = new EventRegistry([...registrationEvents]);
  for (const document of documents)
    registry.parse(JSON.parse(JSON.stringify(envelopeOf(document))));
}

/** A month ago: the seeded apps are recent, their secrets far from expiring. */
function startOfSeed(): Date {
  return new Date(Date.now() - 30 * 86_400_000);
}

function progress(written: number, total: number, seconds: number): string {
  const perSecond = Math.round(rate(written, seconds));
  return `[seed] ${written}/${total} events in ${seconds.toFixed(1)} s (${perSecond} events/s)`;
}
