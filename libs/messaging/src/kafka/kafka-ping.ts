import { Kafka, logLevel } from 'kafkajs';
import { ResolvedKafkaBusOptions } from './kafka-options';

/**
 * Asks the cluster for its brokers on a throwaway connection without retries, so a readiness
 * probe gets a fast false instead of waiting through kafkajs' reconnect backoff.
 */
export async function pingKafka(
  options: ResolvedKafkaBusOptions,
  timeoutMs: number,
): Promise<boolean> {
  const kafka = new Kafka({
    brokers: options.brokers,
    clientId: `${options.clientId}-ping`,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = admin
    .connect()
    .then(() => admin.describeCluster())
    .then((cluster) => cluster.brokers.length > 0)
    .catch(() => false);
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
    // Not awaited: a connection attempt that outlived the deadline must not delay the answer.
    void answered.then(() => admin.disconnect()).catch(() => undefined);
  }
}
