import { RegistrationEvent } from '@extapps/contracts';
import { MongoEventStore, StoredEvent } from '@extapps/event-store';
import { connectMongo } from '@extapps/mongo';
import { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { SecretUsageStore } from '../../../secret-usage/secret-usage.store';
import { registerConfidential, registerPublic, newSecret } from '../../testing/fixtures';
import { AppProjector } from '../app-projector';
import { AppView } from '../app-view';
import { AppViewDocument, appViewModel } from '../app-view.model';
import { AppViewStore } from '../app-view.store';
import { PROJECTIONS_QUEUE } from '../projections-worker';
import { appendHistory, Step } from './history';

export interface ReadSide {
  readonly connection: Connection;
  readonly store: MongoEventStore;
  readonly views: AppViewStore;
  readonly usage: SecretUsageStore;
  readonly projector: AppProjector;
  /** Appends through the decider and projects inline, as the command side does. */
  given(appId: string, steps: readonly Step[]): Promise<StoredEvent<RegistrationEvent>[]>;
  /** Every view document, by id: what a rebuild must reproduce. */
  documents(): Promise<AppViewDocument[]>;
  close(): Promise<void>;
}

/** The read side on the real MongoDB-wire server, in a database of the suite's own. */
export async function readSide(name: string): Promise<ReadSide> {
  const url = process.env['MONGO_URL'];
  if (!url) throw new Error('MONGO_URL is not set (the jest global setup sets it)');
  const dbName = `t_${name}_${randomBytes(4).toString('hex')}`;
  const connection = await connectMongo({ url, dbName });
  const store = new MongoEventStore(connection, {
    collection: 'events',
    queues: [PROJECTIONS_QUEUE],
  });
  await store.init();
  const views = new AppViewStore(appViewModel(connection));
  const usage = new SecretUsageStore(connection);
  await Promise.all([views.createIndexes(), usage.createIndexes()]);
  const projector = new AppProjector(views, store);
  return {
    connection,
    store,
    views,
    usage,
    projector,
    given: async (appId, steps) => {
      const appended = await appendHistory(store, appId, steps);
      await projector.project(appended);
      return appended;
    },
    documents: () => views.model.find().sort({ _id: 1 }).lean<AppViewDocument[]>(),
    close: async () => {
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

export const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 12));

/** A confidential app registered on `at`, its first secret expiring `expiresAt`. */
export const registerApp = (
  appId: string,
  name: string,
  at: Date,
  expiresAt: Date | null = null,
) => ({
  command: { ...registerConfidential, appId, name, firstSecret: newSecret(1, expiresAt) },
  at,
});

export const registerPublicApp = (appId: string, name: string, at: Date) => ({
  command: { ...registerPublic, appId, name },
  at,
});

export const viewOf = (views: AppViewStore, id: string): Promise<AppView | null> => views.load(id);
