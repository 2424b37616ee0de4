import { Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { kafkaLogCreator } from '../logging/kafka-log-creator';

export interface KafkaClientOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly logger: Logger;
}

/** The service's one kafkajs client; producers, consumers and the health admin derive from it. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logCreator: kafkaLogCreator(options.logger),
    connectionTimeout: 3000,
  });
}
