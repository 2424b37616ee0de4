import {
  clientSecretMatches,
  isWellFormedClientSecret,
  RegistrationEvent,
} from '@extapps/contracts';
import { eventually } from '@extapps/testing';
import { findPlaintexts } from './testing/secret-scan';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';
import { readRegistrationTopic, TopicReader } from './testing/topic-reader';

const PROBLEM_JSON = /^application\/problem\+json/;
type Registered = Extract<RegistrationEvent, { type: 'ExternalAppRegistered' }>;

const confidential = (name: string) => ({
  name,
  type: 'confidential',
  redirectUris: ['https://billing.example.com/callback'],
  userScopes: ['OR.Jobs.Read'],
  applicationScopes: ['OR.Jobs'],
});

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('registration command API (HTTP, real Kafka and MongoDB)', () => {
  let stack: RegistrationStack;
  let topic: TopicReader;

  beforeAll(async () => {
    stack = await startRegistrationStack({ BODY_LIMIT_BYTES: '65536' });
    topic = await readRegistrationTopic(String(stack.env['KAFKA_BROKERS']).split(','));
  });
  afterAll(async () => {
    await topic?.stop();
    await stack?.close();
  });

  const plaintexts: string[] = [];
  const expectPublished = (appId: string, types: string[]) =>
    eventually(() => expect(topic.publishedOf(appId).map((e) => e.type)).toEqual(types));

  const register = async (name: string, body: object = {}) => {
    const response = await stack.admin.post('/v1/apps', { ...confidential(name), ...body });
    expect(response.status).toBe(201);
    plaintexts.push(response.body.client_secret);
    return response;
  };

  describe('POST /v1/apps', () => {
    it('registers a confidential app and shows its first secret once', async () => {
      const response = await register('Billing robot', {
        firstSecret: { description: 'CI', expiresAt: '2099-01-01T00:00:00Z' },
      });
      const { client_id: id, client_secret: secret, app } = response.body;

      expect(response.headers.get('location')).toBe(`/v1/apps/${id}`);
      expect(response.headers.get('etag')).toBe('"1"');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(isWellFormedClientSecret(secret)).toBe(true);
      expect(response.body.secret).toEqual({
        secretId: expect.any(String),
        description: 'CI',
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
      expect(app).toMatchObject({
        id,
        name: 'Billing robot',
        type: 'confidential',
        status: 'active',
        version: 1,
        userScopes: [{ resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' }],
        createdBy: { type: 'app', id: 'e2e-admin' },
        secrets: [{ id: response.body.secret.secretId, status: 'active', lastUsedAt: null }],
      });
      await expectPublished(id, ['ExternalAppRegistered']);
      const [event] = topic.publishedOf(id) as Registered[];
      expect(event?.actor).toMatchObject({ type: 'app', id: 'e2e-admin' });
      expect(clientSecretMatches(secret, String(event?.data.firstSecret?.hash))).toBe(true);
    });

    it('registers a non-confidential app without a secret', async () => {
      const response = await stack.admin.post('/v1/apps', {
        name: 'Desktop assistant',
        type: 'non-confidential',
        redirectUris: ['http://127.0.0.1/callback'],
        userScopes: ['OR.Jobs.Read'],
      });

      expect(response.status).toBe(201);
      expect(response.body.client_secret).toBeUndefined();
      expect(response.body.app.secrets).toEqual([]);
      await expectPublished(response.body.client_id, ['ExternalAppRegistered']);
    });

    it('refuses a broken rule with 422 naming the field', async () => {
      const response = await stack.admin.post('/v1/apps', {
        name: 'Mobile',
        type: 'non-confidential',
        redirectUris: ['https://m.example.com/cb'],
        applicationScopes: ['OR.Jobs'],
      });

      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({
        type: 'urn:extapps:problem:scope-kind-not-allowed',
        code: 'scope-kind-not-allowed',
        errors: [{ field: 'applicationScopes' }],
      });
    });

    it('refuses unknown fields with 400', async () => {
      const response = await stack.admin.post('/v1/apps', { ...confidential('X'), owner: 'me' });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ message: expect.stringContaining('owner') }),
      ]);
    });

    it('refuses a name another app has, ignoring case and spaces, with 409', async () => {
      await register('Payroll sync');
      const response = await stack.admin.post('/v1/apps', confidential(' PAYROLL SYNC '));

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'name-taken', errors: [{ field: 'name' }] });
    });

    it('refuses a body over BODY_LIMIT_BYTES with 413 problem+json', async () => {
      const body = JSON.stringify({ ...confidential('Big'), redirectUris: ['x'.repeat(70_000)] });
      const response = await stack.admin.post('/v1/apps', body);

      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    });

    it('answers 401 without a token and 403 without the write scope', async () => {
      const anonymous = await stack.anonymous.post('/v1/apps', confidential('Anon'));
      const reader = await stack.reader.post('/v1/apps', confidential('Reader'));

      expect(anonymous.status).toBe(401);
      expect(reader.status).toBe(403);
      expect(reader.headers.get('www-authenticate')).toContain('insufficient_scope');
    });
  });

  it('leaves no plaintext secret in stored documents, Kafka messages or logs', async () => {
    expect(plaintexts.length).toBeGreaterThan(0);
    await eventually(() => expect(topic.messages.length).toBeGreaterThan(0));

    expect(await findPlaintexts(stack.env, stack.service, topic, plaintexts)).toEqual([]);
  });
});
