import { RestartableKafka, startRestartableKafka } from '@extapps/infra';
import { connectMongo } from '@extapps/mongo';
import { eventually } from '@extapps/testing';
import { Connection } from 'mongoose';
import { TOKEN_OUTBOX_COLLECTION } from './outbox/mongo-token-outbox';
import {
  EventsStack,
  issuedByJti,
  jtiOf,
  readTokenTopic,
  startEventsStack,
  TokenTopic,
} from './testing/events-e2e';

// A Kafka of its own, which this suite stops and starts again (the shared one must stay up).
jest.setTimeout(180_000);

describe('token events while Kafka is stopped (real MongoDB, a restartable Kafka)', () => {
  let kafka: RestartableKafka;
  let stack: EventsStack;
  let db: Connection;
  let topic: TokenTopic | undefined;

  beforeAll(async () => {
    kafka = await startRestartableKafka({ log: () => undefined });
    stack = await startEventsStack({ KAFKA_BROKERS: kafka.brokers.join(',') });
    db = await connectMongo({ url: String(process.env['MONGO_URL']), dbName: stack.dbName });
  });
  afterAll(async () => {
    // A failed test may leave the broker down; the service would then close only after its
    // producer gave up.
    if (kafka && !kafka.isRunning()) await kafka.start();
    await topic?.stop();
    await stack?.close();
    await db?.close();
    await kafka?.destroy();
  });

  /** Events waiting in the outbox (its documents are batches of events). */
  const outboxCount = async () => {
    const batches = await db.collection(TOKEN_OUTBOX_COLLECTION).find().toArray();
    return batches.reduce((count, batch) => count + Number(batch['count']), 0);
  };
  const grantJti = async (): Promise<string> => {
    const answer = await stack.grant();
    expect(answer.status).toBe(200);
    return jtiOf(answer.body['access_token']);
  };

  it('keeps issuing tokens, then publishes every TokenIssued once Kafka is back', async () => {
    const before = await grantJti();
    await eventually(async () => expect(await outboxCount()).toBe(0), { timeoutMs: 60_000 });

    await kafka.stop();
    const during: string[] = [];
    for (let i = 0; i < 5; i++) during.push(await grantJti());
    during.push(...(await Promise.all([1, 2, 3, 4, 5].map(() => grantJti()))));

    // All of it is durable, none of it published: it waits in the outbox.
    expect(await outboxCount()).toBe(during.length);

    await kafka.start();
    topic = await readTokenTopic(kafka.brokers);
    await eventually(
      () => {
        const published = issuedByJti(topic as TokenTopic, stack.robot.appId);
        expect([before, ...during].filter((jti) => !published.has(jti))).toEqual([]);
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    await eventually(async () => expect(await outboxCount()).toBe(0), { timeoutMs: 30_000 });
  });
});
