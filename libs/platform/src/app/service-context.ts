import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { FastLane } from '../http/fast-lane';
import { FAST_LANE, ROOT_LOGGER, SERVICE_NAME } from '../tokens';

/**
 * Root of every app: provides the logger (created before Nest, which logs while booting), the
 * service name and the HTTP server's fast lane to all modules, and imports the service's own module.
 */
@Module({})
export class ServiceContextModule {
  static wrap(
    name: string,
    logger: Logger,
    appModule: DynamicModule,
    fastLane: FastLane,
  ): DynamicModule {
    return {
      module: ServiceContextModule,
      global: true,
      imports: [appModule],
      providers: [
        { provide: SERVICE_NAME, useValue: name },
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: FAST_LANE, useValue: fastLane },
      ],
      exports: [SERVICE_NAME, ROOT_LOGGER, FAST_LANE],
    };
  }
}
