import mongoose, { Connection } from 'mongoose';

export interface MongoConnectionOptions {
  readonly url: string;
  readonly dbName: string;
  /** How long a first connection or a query waits for a reachable server. */
  readonly serverSelectionTimeoutMs?: number;
}

/**
 * Opens a dedicated mongoose connection (never the global default one), so each service, test
 * suite or tool owns exactly the connection it closes.
 *
 * Caveat: `autoIndex` is off; models declare indexes and callers run `syncIndexes()` (or
 * `ensureIndexes`) explicitly at start-up, so a missing unique index fails loudly instead of
 * being built in the background while writes that rely on it already run.
 */
export async function connectMongo(
  options: MongoConnectionOptions,
): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    dbName: options.dbName,
    autoIndex: false,
    autoCreate: true,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 10_000,
  });
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
