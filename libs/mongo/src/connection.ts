import mongoose, { ConnectOptions, Connection } from 'mongoose';

export interface MongoConnectionOptions {
  readonly url: string;
  readonly dbName: string;
  /** How long a first connection or a query waits for a reachable server. */
  readonly serverSelectionTimeoutMs?: number;
}

/** Short enough that a connect attempt still under way cannot eat a service's shutdown deadline. */
export const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5_000;

/**
 * What every connection of ours opens with, whether awaited (`connectMongo`) or retried in the
 * background (`MongoConnectionManager`).
 *
 * Caveat: `autoIndex` is off; models declare indexes and callers run `syncIndexes()` (or
 * `ensureIndexes`) explicitly at start-up, so a missing unique index fails loudly instead of
 * being built in the background while writes that rely on it already run.
 */
export function mongoConnectOptions(options: MongoConnectionOptions): ConnectOptions {
  return {
    dbName: options.dbName,
    autoIndex: false,
    autoCreate: true,
    serverSelectionTimeoutMS:
      options.serverSelectionTimeoutMs ?? DEFAULT_SERVER_SELECTION_TIMEOUT_MS,
  };
}

/**
 * Opens a dedicated mongoose connection (never the global default one), so each service, test
 * suite or tool owns exactly the connection it closes. Rejects when no server answers in time:
 * for tools and tests; a service uses `MongoConnectionManager`, which starts without MongoDB.
 */
export async function connectMongo(options: MongoConnectionOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, mongoConnectOptions(options));
  await connection.asPromise();
  return connection;
}

/** True when the server answers a ping within the connection's selection timeout. */
export async function pingMongo(connection: Connection): Promise<boolean> {
  try {
    const db = connection.db;
    if (!db) return false;
    await db.admin().ping();
    return true;
  } catch {
    return false;
  }
}
