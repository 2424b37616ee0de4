import pino, { Logger } from 'pino';
import { z } from 'zod';
import { BaseConfig } from '../config/base-config';
import { ConfigError } from '../config/config-error';
import { Env, loadConfig } from '../config/load-config';
import { createLogger } from '../logging/logger';
import { createServiceApp } from './create-app';
import { ServiceDefinition } from './service-definition';
import { gracefulShutdown, onShutdownSignals } from './shutdown';

/** What main.ts calls: validate config, build the app, listen, and shut down cleanly on a signal. */
export async function bootstrapService<S extends z.ZodType<BaseConfig>>(
  options: ServiceDefinition<S>,
  env: Env = process.env,
): Promise<void> {
  let config: z.output<S>;
  try {
    config = loadConfig(options.configSchema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    reportConfigError(options.name, error);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger({
    service: options.name,
    level: config.LOG_LEVEL,
  });
  logProcessFailures(logger);
  try {
    const app = await createServiceApp({
      name: options.name,
      config,
      appModule: options.appModule,
      logger,
    });
    onShutdownSignals(
      gracefulShutdown({
        app,
        logger,
        timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
        exit: (code) => process.exit(code),
      }),
    );
    await app.listen(config.PORT, config.HOST);
    logger.info({ url: await app.getUrl() }, 'listening');
  } catch (err) {
    logger.fatal({ err }, 'start-up failed');
    process.exit(1);
  }
}

/** Node would print these as plain text; the log pipeline only understands JSON lines. */
function logProcessFailures(logger: Logger): void {
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled promise rejection');
    process.exit(1);
  });
}

/** One JSON line for log collectors, then the same text for a human at a terminal; no stack. */
function reportConfigError(service: string, error: ConfigError): void {
  const stderr = pino.destination({ fd: 2, sync: true });
  createLogger({ service, level: 'info', destination: stderr }).fatal(
    { issues: error.issues },
    error.message,
  );
  process.stderr.write(`${error.message}\n`);
}
