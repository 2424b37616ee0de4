import { clientSecretMatches, isWellFormedClientSecret } from '@extapps/contracts';
import { eventually } from '@extapps/testing';
import { findPlaintexts } from './testing/secret-scan';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';
import { readRegistrationTopic, TopicReader } from './testing/topic-reader';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('app secrets over HTTP (real Kafka and MongoDB)', () => {
  let stack: RegistrationStack;
  let topic: TopicReader;
  let appId: string;
  const plaintexts: string[] = [];

  beforeAll(async () => {
    stack = await startRegistrationStack({ SECRET_EXPIRY_CHECK_INTERVAL_MS: '1000' });
    topic = await readRegistrationTopic(String(stack.env['KAFKA_BROKERS']).split(','));
    const created = await stack.admin.post('/v1/apps', { name: 'Rotating', type: 'confidential' });
    appId = created.body.client_id;
    plaintexts.push(created.body.client_secret);
  });
  afterAll(async () => {
    await topic?.stop();
    await stack?.close();
  });

  const addSecret = (body: object, headers: Record<string, string> = {}) =>
    stack.admin.post(`/v1/apps/${appId}/secrets`, body, headers);

  it('adds a secret, shown once with Cache-Control: no-store', async () => {
    const response = await addSecret({
      description: 'rotation',
      expiresAt: '2099-06-01T00:00:00+02:00',
    });
    plaintexts.push(response.body.client_secret);

    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBe('"2"');
    expect(isWellFormedClientSecret(response.body.client_secret)).toBe(true);
    expect(response.body.secret).toMatchObject({
      description: 'rotation',
      expiresAt: '2099-05-31T22:00:00.000Z',
    });
    expect(response.body.app.secrets).toHaveLength(2);
    const added = await eventually(() => {
      const event = topic.publishedOf(appId).find((e) => e.type === 'SecretAdded');
      if (!event) throw new Error('SecretAdded not published yet');
      return event;
    });
    expect(clientSecretMatches(response.body.client_secret, String(added.data['hash']))).toBe(true);
  });

  it('refuses an expiry in the past (422) and a stale If-Match (412)', async () => {
    const past = await addSecret({ description: 'old', expiresAt: '2001-01-01T00:00:00Z' });
    const stale = await addSecret({ description: 'x' }, { 'if-match': '"1"' });

    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({
      code: 'secret-expiry-in-past',
      errors: [{ field: 'expiresAt' }],
    });
    expect(stale.status).toBe(412);
  });

  it('revokes a secret; revoking it again is 422', async () => {
    const secretId = (await stack.reader.get(`/v1/apps/${appId}`)).body.secrets[0].id;
    const revoked = await stack.admin.delete(`/v1/apps/${appId}/secrets/${secretId}`);
    const again = await stack.admin.delete(`/v1/apps/${appId}/secrets/${secretId}`);

    expect(revoked.status).toBe(200);
    expect(revoked.body.secrets[0]).toMatchObject({ id: secretId, status: 'revoked' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('secret-already-revoked');
    await eventually(() =>
      expect(topic.publishedOf(appId).map((e) => e.type)).toEqual([
        'ExternalAppRegistered',
        'SecretAdded',
        'SecretRevoked',
      ]),
    );
  });

  it('refuses a secret for a non-confidential app', async () => {
    const spa = await stack.admin.post('/v1/apps', {
      name: 'SPA',
      type: 'non-confidential',
      redirectUris: ['https://spa.example.com/cb'],
      userScopes: ['OR.Jobs.Read'],
    });
    const response = await stack.admin.post(`/v1/apps/${spa.body.client_id}/secrets`, {
      description: 'x',
    });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('secret-not-allowed');
  });

  it('warns, through the command path, about a secret entering the warning window', async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const created = await stack.admin.post('/v1/apps', {
      name: 'Expiring',
      type: 'confidential',
      firstSecret: { description: 'short-lived', expiresAt: soon },
    });
    plaintexts.push(created.body.client_secret);
    const id = created.body.client_id as string;

    const warning = await eventually(() => {
      const event = topic.publishedOf(id).find((e) => e.type === 'SecretExpiringSoon');
      if (!event) throw new Error('SecretExpiringSoon not published yet');
      return event;
    });
    expect(warning).toMatchObject({
      streamVersion: 2,
      actor: { type: 'system' },
      data: { secretId: created.body.secret.secretId },
    });
  });

  it('leaves no plaintext secret in stored documents, Kafka messages or logs', async () => {
    expect(plaintexts).toHaveLength(3);

    expect(await findPlaintexts(stack.env, stack.service, topic, plaintexts)).toEqual([]);
  });
});
