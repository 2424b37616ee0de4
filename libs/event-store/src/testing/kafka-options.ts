import { KafkaBusOptions } from '@extapps/messaging';
import { uniqueName } from '@extapps/testing';

/** The brokers the jest global setup resolved. */
export const testKafkaBrokers = (): string[] => String(process.env['KAFKA_BROKERS']).split(',');

/**
 * A bus on `brokers` with a client id of its own and small group timings, so that a recorder's
 * group joins and leaves in about a second. (Mirrors the messaging tests' own options, which
 * `@extapps/messaging/testing` does not export.)
 */
export function kafkaTestOptions(
  prefix: string,
  brokers: readonly string[] = testKafkaBrokers(),
): KafkaBusOptions {
  return {
    brokers,
    clientId: uniqueName(prefix),
    consumer: {
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      rebalanceTimeoutMs: 5_000,
      maxWaitTimeMs: 100,
    },
  };
}
