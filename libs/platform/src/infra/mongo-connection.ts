import { setTimeout as delay } from 'node:timers/promises';
import { OnApplicationShutdown } from '@nestjs/common';
import mongoose, { Connection } from 'mongoose';
import { Logger } from 'pino';

export interface MongoConnectionOptions {
  readonly url: string;
  readonly dbName: string;
  readonly logger: Logger;
  /** Waits between attempts; rejects when the signal aborts (shutdown). */
  /** How long one attempt (and later, each operation) waits for a server; also bounds close() while connecting. */
  readonly serverSelectionTimeoutMS?: number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * Owns the service's mongoose connection. The service starts even while MongoDB is down (readiness
 * reports it) and keeps trying: mongoose gives up for good after a failed first connect, whereas
 * it reconnects by itself once a connection has been established.
 */
export class MongoConnectionManager implements OnApplicationShutdown {
  readonly connection: Connection = mongoose.createConnection();
  private readonly stopping = new AbortController();
  private readonly connecting: Promise<void>;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(private readonly options: MongoConnectionOptions) {
    this.sleep =
      options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    // Without a listener, mongoose would raise connection errors as unhandled 'error' events.
    this.connection.on('error', (err: Error) =>
      options.logger.warn(
        { err: { message: err.message } },
        'mongo connection error',
      ),
    );
    this.connecting = this.connectWithRetry();
  }

  /** Runs after the HTTP server and the Kafka consumers (beforeApplicationShutdown) have stopped. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await this.connecting;
    await this.connection.close();
  }

  private async connectWithRetry(): Promise<void> {
    const { url, dbName, logger } = this.options;
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.connection.openUri(url, {
          dbName,
          serverSelectionTimeoutMS:
            this.options.serverSelectionTimeoutMS ?? 5000,
        });
        logger.info({ dbName }, 'mongo connected');
        return;
      } catch (error) {
        const backoffMs = Math.min(500 * 2 ** attempt, MAX_BACKOFF_MS);
        logger.warn(
          { attempt, backoffMs, reason: (error as Error).message },
          'mongo connect failed; retrying',
        );
        await this.sleep(backoffMs, this.stopping.signal).catch(
          () => undefined,
        );
      }
    }
  }
}
