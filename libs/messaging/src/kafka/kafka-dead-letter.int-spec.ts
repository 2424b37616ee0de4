import { deadLetterTopic } from '@extapps/contracts';
import { ConfigResourceTypes } from 'kafkajs';
import { eventually, uniqueName } from '@extapps/testing';
import { collector, recordingSleep } from '../testing';
import { observerAdmin, testBusOptions } from '../testing/kafka-fixture';
import { KafkaBus } from './kafka-bus';

describe('KafkaBus when the dead-letter topic cannot be written', () => {
  const bus = new KafkaBus(testBusOptions('dlq-failure'));
  const admin = observerAdmin();
  afterAll(() => bus.close());

  const maxMessageBytes = (value: string) => [{ name: 'max.message.bytes', value }];

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
    await eventually(() => expect(seen.values().length).toBeGreaterThanOrEqual(2));
    expect(new Set(seen.values())).toEqual(new Set(['poison']));
    expect(await bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: null }]);

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
    expect(await bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '2' }]);

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
