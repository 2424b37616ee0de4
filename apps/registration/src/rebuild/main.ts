// `nx run registration:rebuild`: drops the app views and rebuilds them from the event store.
// Reads the service's MongoDB settings (MONGO_URL, MONGO_DB) from the environment, plus
// REBUILD_BATCH_SIZE (events per round trip, 1000 by default).
import 'reflect-metadata';
import { MongoEventStore } from '@extapps/event-store';
import { connectMongo } from '@extapps/mongo';
import { loadConfig } from '@extapps/platform';
import { configSchema } from '../config';
import { appViewModel } from '../external-app/projections/app-view.model';
import { AppViewStore } from '../external-app/projections/app-view.store';
import { EVENTS_COLLECTION } from '../infrastructure/collections';
import { cursorEvents } from './event-batches';
import { DEFAULT_REBUILD_BATCH, rebuildAppViews } from './rebuild';

const PROGRESS_EVERY = 100_000;

async function main(): Promise<void> {
  const config = loadConfig(configSchema.pick({ MONGO_URL: true, MONGO_DB: true }));
  const batchSize = Number(process.env['REBUILD_BATCH_SIZE'] ?? DEFAULT_REBUILD_BATCH);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error('REBUILD_BATCH_SIZE must be a positive integer');
  }
  const connection = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB });
  try {
    // Only fills gaps the cursor leaves; reading needs no work queue.
    const store = new MongoEventStore(connection, { collection: EVENTS_COLLECTION, queues: [] });
    const views = new AppViewStore(appViewModel(connection));
    const source = cursorEvents(connection, EVENTS_COLLECTION, batchSize);
    let reported = 0;
    const result = await rebuildAppViews(
      source,
      { store, views },
      {
        onBatch: ({ events }) => {
          if (events - reported < PROGRESS_EVERY) return;
          reported = events;
          console.log(`[rebuild] ${events} events replayed`);
        },
      },
    );
    console.log(
      `[rebuild] done: ${result.events} events, ${result.views} app views in ` +
        `${(result.elapsedMs / 1000).toFixed(1)} s (${Math.round(result.eventsPerSecond)} events/s)`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[rebuild] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
