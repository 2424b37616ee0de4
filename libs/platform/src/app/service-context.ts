import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { ROOT_LOGGER, SERVICE_NAME } from '../tokens';

/**
 * Root of every app: provides the logger (created before Nest, which logs while booting) and the
 * service name to all modules, and imports the service's own module.
 */
@Module({})
export class ServiceContextModule {
  static wrap(name: string, logger: Logger, appModule: DynamicModule): DynamicModule {
    return {
      module: ServiceContextModule,
      global: true,
      imports: [appModule],
      providers: [
        { provide: SERVICE_NAME, useValue: name },
        { provide: ROOT_LOGGER, useValue: logger },
      ],
      exports: [SERVICE_NAME, ROOT_LOGGER],
    };
  }
}
