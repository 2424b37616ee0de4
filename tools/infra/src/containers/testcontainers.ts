import type { Infrastructure, Log } from '../types';

/** Confluent Platform 8.1 is Apache Kafka 4.1, the version the local provider runs. */
export const KAFKA_IMAGE = 'confluentinc/cp-kafka:8.1.0';
export const MONGO_IMAGE = 'mongo:8.0';
const KAFKA_PORT = 9093;

/**
 * Kafka (KRaft) and a one-node MongoDB replica set in containers. testcontainers' reaper removes
 * them if this process dies without stopping them.
 */
export async function startContainers(log: Log): Promise<Infrastructure> {
  // Loaded lazily: most runs here have no engine and should not pay for loading these modules.
  const [{ KafkaContainer }, { MongoDBContainer }] = await Promise.all([
    import('@testcontainers/kafka'),
    import('@testcontainers/mongodb'),
  ]);
  log(
    `[infra] starting containers ${KAFKA_IMAGE} and ${MONGO_IMAGE} (the first run pulls the images)`,
  );
  const kafka = new KafkaContainer(KAFKA_IMAGE).withEnvironment({
    KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
    KAFKA_NUM_PARTITIONS: '3',
  });
  const [kafkaResult, mongoResult] = await Promise.allSettled([
    kafka.start(),
    new MongoDBContainer(MONGO_IMAGE).start(),
  ]);
  const started = [kafkaResult, mongoResult].flatMap((r) =>
    r.status === 'fulfilled' ? [r.value] : [],
  );
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= Promise.all(started.map((c) => c.stop())).then(() => undefined));

  if (kafkaResult.status === 'rejected' || mongoResult.status === 'rejected') {
    await stop();
    const reasons = [kafkaResult, mongoResult].flatMap((r) =>
      r.status === 'rejected' ? [String(r.reason)] : [],
    );
    throw new Error(
      `containers failed to start (set EXTAPPS_INFRA=local to run without Docker)\n${reasons.join('\n')}`,
    );
  }
  const mongoUrl = new URL(mongoResult.value.getConnectionString());
  mongoUrl.pathname = '/';
  // A one-node replica set advertises its container hostname; talk to the mapped port directly.
  mongoUrl.searchParams.set('directConnection', 'true');
  return {
    provider: 'testcontainers',
    kafkaBrokers: [`${kafkaResult.value.getHost()}:${kafkaResult.value.getMappedPort(KAFKA_PORT)}`],
    mongoUrl: mongoUrl.toString(),
    stop,
  };
}
