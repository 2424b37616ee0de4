import { deadLetterTopic } from '@extapps/contracts';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { eventually, uniqueName } from '@extapps/testing';
import { collector, recordingSleep } from '../testing';
import { KafkaBus } from './kafka-bus';

const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
const consumer = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 500,
  rebalanceTimeoutMs: 5_000,
  maxWaitTimeMs: 100,
};

describe('KafkaBus when the dead-letter topic cannot be written', () => {
  const bus = new KafkaBus({
    brokers,
    clientId: uniqueName('dlq-failure'),
    consumer,
  });
  const admin = new Kafka({
    brokers,
    clientId: uniqueName('observer'),
    logLevel: logLevel.NOTHING,
  }).admin();
  beforeAll(() => admin.connect());
  afterAll(async () => {
    await bus.close();
    await admin.disconnect();
  });

  const maxMessageBytes = (value: string) => [
    { name: 'max.message.bytes', value },
  ];

  it('commits nothing and redelivers the message until it can be parked', async () => {
    const topic = uniqueName('dlq-failure');
    const groupId = uniqueName('group');
    const dlq = deadLetterTopic(groupId, topic);
    // A one-byte limit makes the broker refuse every dead letter, as a full or broken topic would.
    await admin.createTopics({
      topics: [
        { topic, numPartitions: 1 },
        { topic: dlq, numPartitions: 1, configEntries: maxMessageBytes('1') },
      ],
      waitForLeaders: true,
    });
    await bus.producer.send(topic, [
      { key: 'k', value: 'poison' },
      { key: 'k', value: 'after' },
    ]);
    const seen = collector(async (m) => {
      if (m.value.toString() === 'poison') throw new Error('always fails');
    });
    const { sleep } = recordingSleep();
    const run = bus.createConsumer(
      {
        groupId,
        topics: [topic],
        fromBeginning: true,
        retry: { maxAttempts: 1 },
        sleep,
      },
      seen.handler,
    );
    await run.start();

    // Redelivered (one attempt per delivery), and the partition waits: nothing is lost or skipped.
    await eventually(() =>
      expect(seen.values().length).toBeGreaterThanOrEqual(2),
    );
    expect(new Set(seen.values())).toEqual(new Set(['poison']));
    expect(await bus.committedOffsets(groupId, topic)).toEqual([
      { partition: 0, offset: null },
    ]);

    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: dlq,
          configEntries: maxMessageBytes('1048588'),
        },
      ],
    });
    await eventually(() => expect(seen.values()).toContain('after'));
    expect(seen.values().filter((v) => v === 'after')).toEqual(['after']);
    await run.stop();
    expect(await bus.committedOffsets(groupId, topic)).toEqual([
      { partition: 0, offset: '2' },
    ]);

    const parked = collector();
    const reader = bus.createConsumer(
      { groupId: uniqueName('reader'), topics: [dlq], fromBeginning: true },
      parked.handler,
    );
    await reader.start();
    await eventually(() => expect(parked.values()).toEqual(['poison']));
    await reader.stop();
  });
});
