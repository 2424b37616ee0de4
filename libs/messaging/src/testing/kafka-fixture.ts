import { uniqueName } from '@extapps/testing';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { KafkaBusOptions, KafkaConsumerTuning } from '../kafka/kafka-options';

/** The brokers the jest global setup resolved. */
export const testBrokers: readonly string[] = (process.env['KAFKA_BROKERS'] ?? '').split(',');

/** Small group timings: joins, leaves and stops take well under a second. */
export const TEST_TUNING: KafkaConsumerTuning = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 500,
  rebalanceTimeoutMs: 5_000,
  maxWaitTimeMs: 100,
};

/** Options of a bus on the test brokers with a client id of its own and the small timings. */
export function testBusOptions(
  clientIdPrefix: string,
  more: Partial<KafkaBusOptions> = {},
): KafkaBusOptions {
  return {
    brokers: testBrokers,
    clientId: uniqueName(clientIdPrefix),
    consumer: TEST_TUNING,
    ...more,
  };
}

/**
 * A plain kafkajs admin, to see what the broker itself recorded rather than what the bus says.
 * Connected before the enclosing suite's tests and disconnected after them.
 */
export function observerAdmin(): Admin {
  const admin = new Kafka({
    brokers: [...testBrokers],
    clientId: uniqueName('observer'),
    logLevel: logLevel.NOTHING,
  }).admin();
  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());
  return admin;
}
