import { eventually } from '@extapps/testing';
import { clientCredentials, E2E_TTL_SECONDS, useTokenService } from '../testing/token-e2e';
import {
  EventsStack,
  issuedByJti,
  jtiOf,
  readTokenTopic,
  startEventsStack,
  TokenTopic,
} from './testing/events-e2e';
import { MongoProxy, startMongoProxy } from './testing/mongo-proxy';

const brokers = () => String(process.env['KAFKA_BROKERS']).split(',');

describe('token events through HTTP (real Kafka and MongoDB)', () => {
  const t = useTokenService();
  let topic: TokenTopic;
  beforeAll(async () => {
    topic = await readTokenTopic(brokers());
  });
  afterAll(async () => {
    await topic?.stop();
  });

  it('a client credentials grant puts its TokenIssued on the topic, keyed by the client', async () => {
    const { appId } = t.robot.app;
    const answer = await t.token({
      form: { ...clientCredentials, scope: 'OR.Jobs' },
      basic: [appId, t.robot.secret.plaintext],
    });
    expect(answer.status).toBe(200);
    const jti = jtiOf(answer.body['access_token']);

    const issued = await eventually(() => {
      const found = issuedByJti(topic, appId).get(jti);
      expect(found).toBeDefined();
      return found;
    });
    const iat = Math.floor(t.clock.now().getTime() / 1000);
    const expiresAt = new Date((iat + E2E_TTL_SECONDS) * 1000);
    expect(issued).toMatchObject({
      type: 'TokenIssued',
      streamId: appId,
      streamVersion: 1,
      occurredAt: t.clock.now().toISOString(),
      actor: { type: 'app', id: appId, ip: '127.0.0.1' },
      correlationId: answer.headers.get('x-correlation-id'),
      causationId: null,
      data: {
        clientId: appId,
        grantType: 'client_credentials',
        subject: appId,
        subjectType: 'app',
        scope: 'OR.Jobs',
        audience: ['OrchestratorApi'],
        jti,
        expiresAt: expiresAt.toISOString(),
        // What the registration service's secret-usage consumer records as the secret's last use.
        secretId: t.robot.secret.data.secretId,
      },
    });
  });

  it('a failed client authentication puts ClientAuthenticationFailed on the topic', async () => {
    const { appId } = t.admin.app;
    const answer = await t.token({ form: clientCredentials, basic: [appId, 'wrong-secret'] });
    expect(answer.status).toBe(401);
    const correlationId = answer.headers.get('x-correlation-id');

    const failed = await eventually(() => {
      const found = topic.events().find((e) => e.correlationId === correlationId);
      expect(found).toBeDefined();
      return found;
    });
    expect(failed).toMatchObject({
      type: 'ClientAuthenticationFailed',
      streamId: appId,
      data: { clientId: appId, method: 'client_secret_basic', reason: 'wrong-secret' },
    });
  });
});

describe('token endpoint while MongoDB is unreachable (real Kafka, MongoDB behind a proxy)', () => {
  let proxy: MongoProxy;
  let stack: EventsStack;
  beforeAll(async () => {
    proxy = await startMongoProxy();
    stack = await startEventsStack({ MONGO_URL: proxy.url, EVENTS_OUTBOX_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    proxy?.restore();
    await stack?.close();
    await proxy?.close();
  });

  it('answers 503 temporarily_unavailable with Retry-After and no token, then serves again once it is back', async () => {
    proxy.cut();
    const refused = await stack.grant();

    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(refused.body).toEqual({
      error: 'temporarily_unavailable',
      error_description: 'The token service cannot record requests right now; retry shortly.',
    });

    proxy.restore();
    await eventually(async () => expect((await stack.grant()).status).toBe(200), {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
  });
});
