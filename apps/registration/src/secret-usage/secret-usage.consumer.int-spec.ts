import { deadLetterTopic, EventRegistry, tokenEvents, Topics } from '@extapps/contracts';
import { EventPublisher, KafkaBus } from '@extapps/messaging';
import { eventually, uniqueName } from '@extapps/testing';
import pino from 'pino';
import { readSide, ReadSide } from '../external-app/projections/testing/read-side-fixture';
import { SecretUsageConsumer } from './secret-usage.consumer';
import {
  eventsWithoutSecretUse,
  tokenIssued,
  tokenRefreshed,
} from './testing/token-event-fixtures';

describe('SecretUsageConsumer on Kafka', () => {
  let side: ReadSide;
  let bus: KafkaBus;
  let consumer: SecretUsageConsumer;
  let publisher: EventPublisher;
  const groupId = uniqueName('secret-usage');

  beforeAll(async () => {
    side = await readSide('usage');
    const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
    bus = new KafkaBus({
      brokers,
      clientId: uniqueName('usage'),
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 },
    });
    consumer = new SecretUsageConsumer(bus, side.usage, pino({ level: 'silent' }), {
      groupId,
    });
    await consumer.start();
    publisher = new EventPublisher(bus.producer, new EventRegistry(tokenEvents));
  });
  afterAll(async () => {
    await consumer.beforeApplicationShutdown();
    await bus.close();
    await side.close();
  });

  it('records the latest use of each secret, whatever the order and repeats of TokenIssued', async () => {
    const appId = uniqueName('app');
    const latest = tokenIssued(appId, 'sec-1', '2026-04-01T12:00:00.000Z');
    await publisher.publish(Topics.tokenEvents, [
      latest,
      tokenIssued(appId, 'sec-1', '2026-04-01T11:00:00.000Z'),
      latest,
      tokenIssued(appId, null, '2026-04-01T12:30:00.000Z'),
      tokenIssued(appId, 'sec-2', '2026-04-01T10:00:00.000Z'),
    ]);

    const usage = await eventually(async () => {
      const found = (await side.usage.lastUsedOf([appId])).get(appId);
      expect(found?.size).toBe(2);
      return found;
    });

    expect(usage?.get('sec-1')).toEqual(new Date('2026-04-01T12:00:00.000Z'));
    expect(usage?.get('sec-2')).toEqual(new Date('2026-04-01T10:00:00.000Z'));
  });

  it('records uses from TokenRefreshed, and lets every other token event pass, none parked', async () => {
    const appId = uniqueName('app');
    await publisher.publish(Topics.tokenEvents, [
      ...eventsWithoutSecretUse(appId),
      tokenRefreshed(appId, 'sec-3', '2026-04-02T08:00:00.000Z'),
      tokenRefreshed(appId, null, '2026-04-02T09:00:00.000Z'),
    ]);

    await eventually(async () => {
      const [ends, committed] = await Promise.all([
        bus.endOffsets(Topics.tokenEvents),
        bus.committedOffsets(groupId, Topics.tokenEvents),
      ]);
      expect(committed.map((c) => c.offset ?? '0')).toEqual(ends.map((e) => e.offset));
    });

    const usage = (await side.usage.lastUsedOf([appId])).get(appId);
    expect(usage).toEqual(new Map([['sec-3', new Date('2026-04-02T08:00:00.000Z')]]));
    const parked = await bus
      .endOffsets(deadLetterTopic(groupId, Topics.tokenEvents))
      .catch(() => []); // never created: nothing was ever parked
    expect(parked.filter((p) => p.offset !== '0')).toEqual([]);
  });
});
