import { DynamicModule, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MESSAGE_BUS, MessageBus, MessagingModule } from '@extapps/messaging';
import { Connection } from 'mongoose';
import { Logger } from 'pino';
import { BaseConfig } from '../config/base-config';
import { HEALTH_INDICATORS, READINESS_OPTIONS, ReadinessOptions } from '../health/health-indicator';
import { KafkaHealthIndicator } from '../health/kafka.indicator';
import { MongoHealthIndicator } from '../health/mongo.indicator';
import { lazyIndicator, ServiceHealthIndicator } from '../health/service-indicator';
import { AUTHENTICATOR } from '../http/authenticator';
import { mongoProviders } from '../infra/mongo.providers';
import { MONGO_CONNECTION, ROOT_LOGGER, SERVICE_CONFIG, SERVICE_NAME } from '../tokens';
import {
  HTTP_PLATFORM_CONTROLLERS,
  HttpPlatformOptions,
  httpPlatformProviders,
} from './http-platform';

export interface ServiceModuleOptions extends HttpPlatformOptions {
  /** Readiness checks of the service's own, reported after mongo and kafka. */
  readonly healthIndicators?: readonly ServiceHealthIndicator[];
}

/**
 * What every service has: config, health, the closed-by-default guard, problem+json errors, one
 * MessageBus (MESSAGE_BUS, from MessagingModule) and one MongoDB connection, both closed on
 * shutdown. Global, so feature modules inject SERVICE_CONFIG, MESSAGE_BUS and MONGO_CONNECTION
 * without importing it. Runs inside createServiceApp, which provides ROOT_LOGGER and SERVICE_NAME.
 */
@Module({})
export class ServiceModule {
  static forRoot(config: BaseConfig, options: ServiceModuleOptions = {}): DynamicModule {
    return {
      module: ServiceModule,
      global: true,
      imports: [
        MessagingModule.forRootAsync({
          inject: [SERVICE_NAME, ROOT_LOGGER],
          useFactory: (name: string, logger: Logger) => ({
            clientId: name,
            brokers: config.KAFKA_BROKERS,
            logger,
            // Half the shutdown deadline: a stuck handler is abandoned (uncommitted, redelivered)
            // while there is still time to leave the group and close the connections.
            shutdownGraceMs: Math.floor(config.SHUTDOWN_TIMEOUT_MS / 2),
          }),
        }),
      ],
      controllers: HTTP_PLATFORM_CONTROLLERS,
      providers: [
        ...httpPlatformProviders(options),
        { provide: SERVICE_CONFIG, useValue: config },
        ...mongoProviders(config),
        {
          provide: HEALTH_INDICATORS,
          useFactory: (
            connection: Connection,
            bus: MessageBus,
            readiness: ReadinessOptions,
            moduleRef: ModuleRef,
          ) => [
            new MongoHealthIndicator(connection),
            new KafkaHealthIndicator(bus, readiness.timeoutMs),
            ...(options.healthIndicators ?? []).map((spec) => lazyIndicator(moduleRef, spec)),
          ],
          inject: [MONGO_CONNECTION, MESSAGE_BUS, READINESS_OPTIONS, ModuleRef],
        },
      ],
      // The authenticator too, so a fast-lane route can reuse what the guard verified.
      exports: [
        SERVICE_CONFIG,
        MONGO_CONNECTION,
        HEALTH_INDICATORS,
        ...(options.authenticator ? [AUTHENTICATOR] : []),
      ],
    };
  }
}
