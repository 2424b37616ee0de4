import { INestApplication } from '@nestjs/common';
import { Logger } from 'pino';

export interface ShutdownOptions {
  readonly app: Pick<INestApplication, 'close' | 'getHttpAdapter'>;
  readonly logger: Logger;
  readonly timeoutMs: number;
  readonly exit: (code: number) => void;
  /** Starts the hard deadline; returns its cancel function. */
  readonly startDeadline?: (onExpiry: () => void, ms: number) => () => void;
}

const realDeadline = (onExpiry: () => void, ms: number) => {
  const timer = setTimeout(onExpiry, ms);
  return () => clearTimeout(timer);
};

/**
 * Returns the signal handler. Order matters and differs from Nest's app.close(), which closes the
 * HTTP server last: first stop taking requests and let in-flight ones finish, then run the
 * modules' shutdown hooks (consumers commit and stop, connections close).
 */
export function gracefulShutdown(options: ShutdownOptions): (signal: string) => Promise<void> {
  const { app, logger, timeoutMs, exit } = options;
  let started = false;
  return async (signal) => {
    if (started) {
      logger.warn({ signal }, 'shutdown already in progress');
      return;
    }
    started = true;
    logger.info({ signal, timeoutMs }, 'shutting down');
    const cancelDeadline = (options.startDeadline ?? realDeadline)(() => {
      logger.fatal({ timeoutMs }, 'shutdown deadline exceeded; exiting');
      exit(1);
    }, timeoutMs);
    try {
      await app.getHttpAdapter().close();
      await app.close();
      cancelDeadline();
      logger.info('shutdown complete');
      exit(0);
    } catch (err) {
      cancelDeadline();
      logger.error({ err }, 'shutdown failed');
      exit(1);
    }
  };
}

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export function onShutdownSignals(handler: (signal: string) => Promise<void>): void {
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, (s) => void handler(s));
}
