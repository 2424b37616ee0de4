import {
  ClientAuthenticationFailed,
  deadLetterTopic,
  ExternalAppRenamed,
  Topics,
} from '@extapps/contracts';
import { kafkaTestOptions, recordTopic, TopicRecorder } from '@extapps/event-store/testing';
import { KafkaBus } from '@extapps/messaging';
import { eventually, uniqueName } from '@extapps/testing';
import { eventOf } from '../normalization/testing/audit-events';
import { AuditCollections } from '../records/audit-record';
import { queryString } from './testing/api-client';
import { AuditStack, startAuditStack } from './testing/audit-stack';
import { TestPublisher } from './testing/publish';

// Real servers shared with suites running in parallel; the first catch-up reads every event the
// run published so far.
jest.setTimeout(120_000);

describe('audit ingestion through HTTP (real Kafka and MongoDB-wire)', () => {
  let stack: AuditStack;
  let publisher: TestPublisher;

  beforeAll(async () => {
    stack = await startAuditStack();
    publisher = new TestPublisher();
    await stack.caughtUp(90_000);
  });
  afterAll(async () => {
    await publisher?.close();
    await stack?.close();
  });

  const recordsOf = async (targetApp: string) =>
    (await stack.reader.get(`/v1/audit/records${queryString({ targetApp })}`)).body.items;

  it('shows an admin change published on the registration topic, with before and after, within 1 s', async () => {
    const appId = uniqueName('app');
    const admin = { type: 'user' as const, id: 'admin-42', displayName: 'Ada', ip: '203.0.113.5' };
    const event = eventOf(
      ExternalAppRenamed,
      { before: 'Billing', after: 'Billing robot' },
      { streamId: appId, actor: admin, occurredAt: new Date(), correlationId: 'corr-e2e' },
    );

    const published = Date.now();
    await publisher.publish(Topics.registrationEvents, [event]);
    const [record] = await eventually(
      async () => {
        const items = await recordsOf(appId);
        expect(items).toHaveLength(1);
        return items;
      },
      { timeoutMs: 5_000, intervalMs: 20 },
    );
    const elapsedMs = Date.now() - published;

    expect(elapsedMs).toBeLessThan(1_000);
    expect(record).toMatchObject({
      eventId: event.eventId,
      action: 'app.renamed',
      category: 'app-management',
      actor: { type: 'user', id: 'admin-42', displayName: 'Ada' },
      target: { type: 'app', id: appId, name: 'Billing robot' },
      outcome: { status: 'success', reason: null },
      sourceIp: '203.0.113.5',
      correlationId: 'corr-e2e',
      changes: { before: { name: 'Billing' }, after: { name: 'Billing robot' } },
    });
    const one = await stack.reader.get(`/v1/audit/records/${event.eventId}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(record);
  });

  it('records each failed client authentication once, however often it is delivered', async () => {
    const appId = uniqueName('app');
    const failures = ['wrong-secret', 'revoked-secret', 'wrong-secret'].map((reason) =>
      eventOf(
        ClientAuthenticationFailed,
        {
          clientId: appId,
          method: 'client_secret_basic',
          reason: reason as 'wrong-secret',
          endpoint: 'token',
        },
        { streamId: appId, actor: { type: 'app', id: appId, ip: '198.51.100.9' } },
      ),
    );
    const first = failures[0];

    await publisher.publish(Topics.tokenEvents, [first, first, ...failures.slice(1), first]);
    await eventually(async () => expect(await recordsOf(appId)).toHaveLength(3));
    await stack.caughtUp();
    // Delivered again once chained: the chainer, not the pending insert, must refuse it now.
    await publisher.publish(Topics.tokenEvents, [first]);
    await stack.caughtUp();
    await eventually(async () =>
      expect(await stack.db.collection(AuditCollections.pending).countDocuments()).toBe(0),
    );

    const items = await recordsOf(appId);
    expect(items.map((r: { eventId: string }) => r.eventId).sort()).toEqual(
      failures.map((e) => e.eventId).sort(),
    );
    expect(
      items.every((r: { outcome: { status: string } }) => r.outcome.status === 'failure'),
    ).toBe(true);
  });

  it('parks a poison message on the dead-letter topic and reports it', async () => {
    const key = uniqueName('poison');
    const dlq = deadLetterTopic(stack.groupId, Topics.permissionsEvents);
    const bus = new KafkaBus(kafkaTestOptions('audit-dlq-reader'));
    let parked: TopicRecorder | undefined;
    try {
      parked = await recordTopic(bus, dlq);
      const before = (await stack.reader.get('/v1/audit/ingestion')).body;
      const deadLetteredBefore = before.topics.find(
        (t: { topic: string }) => t.topic === Topics.permissionsEvents,
      ).deadLettered;

      await publisher.publishRaw(Topics.permissionsEvents, [{ key, value: 'definitely not JSON' }]);

      await eventually(() =>
        expect(
          parked?.messages.filter((m) => m.key === key).map((m) => m.value.toString()),
        ).toEqual(['definitely not JSON']),
      );
      const status = await eventually(async () => {
        const { body } = await stack.reader.get('/v1/audit/ingestion');
        const topic = body.topics.find(
          (t: { topic: string }) => t.topic === Topics.permissionsEvents,
        );
        expect(topic.deadLettered).toBe(deadLetteredBefore + 1);
        return body;
      });
      expect(status.sinceStart.recentlyRefused).toContainEqual(
        expect.objectContaining({
          topic: Topics.permissionsEvents,
          reason: expect.stringMatching(/^not a valid event: /),
        }),
      );
      expect(
        status.topics.find((t: { topic: string }) => t.topic === Topics.permissionsEvents),
      ).toMatchObject({ deadLetterTopic: dlq });
      expect(stack.service.logs.lines()).toContainEqual(
        expect.objectContaining({
          msg: 'message parked on dead-letter topic',
          deadLetterTopic: dlq,
        }),
      );
    } finally {
      await parked?.stop();
      await bus.close();
    }
  });
});
