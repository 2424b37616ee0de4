import { setTimeout as delay } from 'node:timers/promises';
import mongoose, { Connection } from 'mongoose';
import { MongoConnectionOptions, mongoConnectOptions } from './connection';

/** The subset of pino's logger the manager needs; a pino logger fits as is. */
export interface MongoLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface MongoConnectionManagerOptions extends MongoConnectionOptions {
  readonly logger: MongoLogger;
  /** Waits between attempts; rejects when the signal aborts (close). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * Owns a service's mongoose connection. The service starts even while MongoDB is down (readiness
 * reports it) and keeps trying: mongoose gives up for good after a failed first connect, whereas
 * it reconnects by itself once a connection has been established.
 */
export class MongoConnectionManager {
  readonly connection: Connection = mongoose.createConnection();
  private readonly stopping = new AbortController();
  private readonly connecting: Promise<void>;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(private readonly options: MongoConnectionManagerOptions) {
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    // Without a listener, mongoose would raise connection errors as unhandled 'error' events.
    this.connection.on('error', (err: Error) =>
      options.logger.warn({ err: { message: err.message } }, 'mongo connection error'),
    );
    this.connecting = this.connectWithRetry();
  }

  /** Stops retrying; an attempt under way may take up to the server selection timeout. */
  async close(): Promise<void> {
    this.stopping.abort();
    await this.connecting;
    await this.connection.close();
  }

  private async connectWithRetry(): Promise<void> {
    const { url, dbName, logger } = this.options;
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.connection.openUri(url, mongoConnectOptions(this.options));
        logger.info({ dbName }, 'mongo connected');
        return;
      } catch (error) {
        const backoffMs = Math.min(500 * 2 ** attempt, MAX_BACKOFF_MS);
        logger.warn(
          { attempt, backoffMs, reason: (error as Error).message },
          'mongo connect failed; retrying',
        );
        await this.sleep(backoffMs, this.stopping.signal).catch(() => undefined);
      }
    }
  }
}
