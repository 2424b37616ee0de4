import { AddressInfo, createServer, Socket } from 'node:net';
import { eventually, uniqueName } from '@extapps/testing';
import { describeMessagingContract } from '../testing';
import { observerAdmin, testBusOptions } from '../testing/kafka-fixture';
import { KafkaBus } from './kafka-bus';

describeMessagingContract(
  'kafka',
  ({ clock }) => new KafkaBus(testBusOptions('messaging-contract', { clock })),
);

describe('KafkaBus stop grace', () => {
  const bus = new KafkaBus(testBusOptions('messaging-grace', { shutdownGraceMs: 200 }));
  afterAll(() => bus.close());

  it('given a bus-wide grace, then stop abandons a stuck handler after it, uncommitted', async () => {
    const topic = uniqueName('grace');
    const groupId = uniqueName('group');
    await bus.ensureTopics([{ topic, partitions: 1 }]);
    await bus.producer.send(topic, [{ key: 'k', value: 'stuck' }]);
    let started = false;
    const consumer = bus.createConsumer({ groupId, topics: [topic], fromBeginning: true }, () => {
      started = true;
      return new Promise<void>(() => undefined);
    });
    await consumer.start();
    await eventually(() => expect(started).toBe(true));

    // Without the bus default (25 s) this stop would outlast the test's own timeout.
    await consumer.stop();

    expect(await bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: null }]);
  }, 15_000);
});

describe('KafkaBus against the broker itself', () => {
  const bus = new KafkaBus(testBusOptions('messaging-int'));
  const admin = observerAdmin();
  afterAll(() => bus.close());

  it('commits to the broker, as the Kafka admin API sees it', async () => {
    const topic = uniqueName('committed');
    const groupId = uniqueName('group');
    await bus.ensureTopics([{ topic, partitions: 2 }]);
    await bus.producer.send(topic, [
      { key: 'x', value: '1' },
      { key: 'y', value: '2' },
      { key: 'x', value: '3' },
    ]);
    let handled = 0;
    const consumer = bus.createConsumer(
      { groupId, topics: [topic], fromBeginning: true },
      async () => {
        handled++;
      },
    );
    await consumer.start();
    await eventually(() => expect(handled).toBe(3));
    await consumer.stop();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const total = offsets.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(total).toBe(3);
    expect((await admin.describeGroups([groupId])).groups[0].state).toBe('Empty');
  });

  it('creates topics with the requested partitions and leaves existing ones alone', async () => {
    const topic = uniqueName('created');
    await bus.ensureTopics([{ topic, partitions: 3 }]);
    await bus.ensureTopics([{ topic, partitions: 5 }]);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0].partitions).toHaveLength(3);
  });

  it('answers a ping quickly: true for the cluster, false for nothing listening', async () => {
    expect(await bus.ping(2_000)).toBe(true);
    const nowhere = new KafkaBus({
      brokers: ['127.0.0.1:1'],
      clientId: 'nowhere',
    });
    const started = Date.now();
    expect(await nowhere.ping(1_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_500);
    await nowhere.close();
  });

  it('answers false within the deadline when the broker accepts connections but never replies', async () => {
    const sockets: Socket[] = [];
    const mute = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    const { port } = mute.address() as AddressInfo;
    const silent = new KafkaBus({
      brokers: [`127.0.0.1:${port}`],
      clientId: 'silent',
    });
    const started = Date.now();
    expect(await silent.ping(500)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(sockets.length).toBeGreaterThan(0);
    await silent.close();
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => mute.close(resolve));
  });
});
