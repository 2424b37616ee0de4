import { DynamicModule, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { BaseConfig } from '../config/base-config';
import { HEALTH_INDICATORS } from '../health/health-indicator';
import { KafkaHealthIndicator } from '../health/kafka.indicator';
import { MongoHealthIndicator } from '../health/mongo.indicator';
import { createKafkaClient } from '../infra/kafka-client';
import { MongoConnectionManager } from '../infra/mongo-connection';
import {
  KAFKA_CLIENT,
  MONGO_CONNECTION,
  ROOT_LOGGER,
  SERVICE_CONFIG,
  SERVICE_NAME,
} from '../tokens';
import {
  HTTP_PLATFORM_CONTROLLERS,
  HttpPlatformOptions,
  httpPlatformProviders,
} from './http-platform';

/**
 * What every service has: config, health, the closed-by-default guard, problem+json errors, one
 * Kafka client and one MongoDB connection (both closed on shutdown). Global, so feature modules
 * inject SERVICE_CONFIG, KAFKA_CLIENT and MONGO_CONNECTION without importing it. Runs inside
 * createServiceApp, which provides ROOT_LOGGER and SERVICE_NAME.
 */
@Module({})
export class ServiceModule {
  static forRoot(
    config: BaseConfig,
    options: HttpPlatformOptions = {},
  ): DynamicModule {
    return {
      module: ServiceModule,
      global: true,
      controllers: HTTP_PLATFORM_CONTROLLERS,
      providers: [
        ...httpPlatformProviders(options),
        { provide: SERVICE_CONFIG, useValue: config },
        {
          provide: KAFKA_CLIENT,
          useFactory: (name: string, logger: Logger) =>
            createKafkaClient({
              clientId: name,
              brokers: config.KAFKA_BROKERS,
              logger,
            }),
          inject: [SERVICE_NAME, ROOT_LOGGER],
        },
        {
          provide: MongoConnectionManager,
          useFactory: (logger: Logger) =>
            new MongoConnectionManager({
              url: config.MONGO_URL,
              dbName: config.MONGO_DB,
              logger,
            }),
          inject: [ROOT_LOGGER],
        },
        {
          provide: MONGO_CONNECTION,
          useFactory: (manager: MongoConnectionManager) => manager.connection,
          inject: [MongoConnectionManager],
        },
        {
          provide: KafkaHealthIndicator,
          useFactory: (kafka: Kafka) => new KafkaHealthIndicator(kafka),
          inject: [KAFKA_CLIENT],
        },
        {
          provide: HEALTH_INDICATORS,
          useFactory: (
            kafka: KafkaHealthIndicator,
            mongo: MongoConnectionManager,
          ) => [new MongoHealthIndicator(mongo.connection), kafka],
          inject: [KafkaHealthIndicator, MongoConnectionManager],
        },
      ],
      exports: [
        SERVICE_CONFIG,
        KAFKA_CLIENT,
        MONGO_CONNECTION,
        HEALTH_INDICATORS,
      ],
    };
  }
}
