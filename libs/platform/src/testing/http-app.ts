import { Module, Provider, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, HttpAppOptions } from '../app/create-app';
import {
  HTTP_PLATFORM_CONTROLLERS,
  HttpPlatformOptions,
  httpPlatformProviders,
} from '../app/http-platform';
import { HEALTH_INDICATORS, HealthIndicator } from '../health/health-indicator';
import { createLogger } from '../logging/logger';
import { captureLogs, LogCapture } from './log-capture';

export interface HttpAppUnderTest {
  readonly app: NestFastifyApplication;
  readonly logs: LogCapture;
}

export interface TestHttpAppOptions extends HttpPlatformOptions {
  readonly controllers?: Type[];
  readonly providers?: Provider[];
  readonly indicators?: HealthIndicator[];
  readonly bodyLimitBytes?: number;
  readonly configureFastify?: HttpAppOptions['configureFastify'];
}

/**
 * The HTTP platform (correlation ids, guard, problem filter, health) without Kafka or MongoDB:
 * for unit tests of HTTP behaviour, with fake health indicators and the test's own controllers.
 */
export async function createTestHttpApp(
  options: TestHttpAppOptions = {},
): Promise<HttpAppUnderTest> {
  @Module({})
  class TestAppModule {}

  const logs = captureLogs();
  const logger = createLogger({
    service: 'test',
    level: 'trace',
    destination: logs.destination,
  });
  const appModule = {
    module: TestAppModule,
    controllers: [...HTTP_PLATFORM_CONTROLLERS, ...(options.controllers ?? [])],
    providers: [
      ...httpPlatformProviders(options),
      { provide: HEALTH_INDICATORS, useValue: options.indicators ?? [] },
      ...(options.providers ?? []),
    ],
  };
  const app = await createHttpApp(appModule, {
    name: 'test',
    logger,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024,
    configureFastify: options.configureFastify,
  });
  await app.getHttpAdapter().getInstance().ready();
  return { app, logs };
}
