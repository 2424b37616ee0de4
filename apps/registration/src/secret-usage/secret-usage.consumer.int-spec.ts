import { createEnvelope, EventRegistry, Topics, TokenIssued } from '@extapps/contracts';
import { EventPublisher, KafkaBus } from '@extapps/messaging';
import { eventually, uniqueName } from '@extapps/testing';
import pino from 'pino';
import { readSide, ReadSide } from '../external-app/projections/testing/read-side-fixture';
import { SecretUsageConsumer } from './secret-usage.consumer';

const tokenIssued = (clientId: string, secretId: string | null, occurredAt: string) =>
  createEnvelope(
    TokenIssued,
    {
      clientId,
      grantType: 'client_credentials',
      subject: clientId,
      subjectType: 'app',
      scope: 'OR.Jobs',
      audience: ['OrchestratorApi'],
      jti: uniqueName('jti'),
      expiresAt: '2026-04-01T13:00:00.000Z',
      secretId,
    },
    {
      streamId: clientId,
      streamVersion: 1,
      occurredAt: new Date(occurredAt),
      actor: { type: 'app', id: clientId },
      correlationId: uniqueName('corr'),
      causationId: null,
    },
  );

describe('SecretUsageConsumer on Kafka', () => {
  let side: ReadSide;
  let bus: KafkaBus;
  let consumer: SecretUsageConsumer;

  beforeAll(async () => {
    side = await readSide('usage');
    const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
    bus = new KafkaBus({
      brokers,
      clientId: uniqueName('usage'),
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 },
    });
    consumer = new SecretUsageConsumer(bus, side.usage, pino({ level: 'silent' }), {
      groupId: uniqueName('secret-usage'),
    });
    await consumer.start();
  });
  afterAll(async () => {
    await consumer.beforeApplicationShutdown();
    await bus.close();
    await side.close();
  });

  it('records the latest use of each secret, whatever the order and repeats of TokenIssued', async () => {
    const appId = uniqueName('app');
    const publisher = new EventPublisher(bus.producer, new EventRegistry([TokenIssued]));
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
});
