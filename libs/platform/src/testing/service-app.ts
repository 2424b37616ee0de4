import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { BaseConfig } from '../config/base-config';
import { Env, loadConfig } from '../config/load-config';
import { createServiceApp } from '../app/create-app';
import { ServiceDefinition } from '../app/service-definition';
import { captureLogs, LogCapture } from './log-capture';

export interface RunningService {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  readonly logs: LogCapture;
  close(): Promise<void>;
}

/**
 * The real servers the jest global setup resolved, and a database of the suite's own so suites
 * never see each other's documents.
 */
export function testEnv(name: string, overrides: Env = {}): Env {
  return {
    KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
    MONGO_URL: process.env['MONGO_URL'],
    MONGO_DB: `t_${name}_${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'debug',
    ...overrides,
  };
}

/** Starts the service in-process on 127.0.0.1 and a free port, logs captured. */
export async function startService<S extends z.ZodType<BaseConfig>>(
  service: ServiceDefinition<S>,
  env: Env = testEnv(service.name),
): Promise<RunningService> {
  const config = loadConfig(service.configSchema, env);
  const logs = captureLogs();
  const app = await createServiceApp({
    name: service.name,
    config,
    appModule: service.appModule,
    logDestination: logs.destination,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  return { app, baseUrl, logs, close: () => app.close() };
}
