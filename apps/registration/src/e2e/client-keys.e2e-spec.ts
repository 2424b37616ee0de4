import { RegistrationEvent } from '@extapps/contracts';
import { eventually } from '@extapps/testing';
import { ecKey } from '../external-app/testing/fixtures';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';
import { readRegistrationTopic, TopicReader } from './testing/topic-reader';

const PROBLEM_JSON = /^application\/problem\+json/;
type Registered = Extract<RegistrationEvent, { type: 'ExternalAppRegistered' }>;

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('JWKS and access token lifetime over HTTP (real Kafka and MongoDB)', () => {
  let stack: RegistrationStack;
  let topic: TopicReader;
  let count = 0;
  const first = ecKey('k-1');
  const second = ecKey('k-2');

  beforeAll(async () => {
    stack = await startRegistrationStack();
    topic = await readRegistrationTopic(String(stack.env['KAFKA_BROKERS']).split(','));
  });
  afterAll(async () => {
    await topic?.stop();
    await stack?.close();
  });

  const expectPublished = (appId: string, types: string[]) =>
    eventually(() => expect(topic.publishedOf(appId).map((e) => e.type)).toEqual(types));
  const register = (body: object) =>
    stack.admin.post('/v1/apps', {
      name: `Keyed app ${++count}`,
      type: 'confidential',
      applicationScopes: ['OR.Jobs'],
      ...body,
    });

  it('POST registers keys and a lifetime: in the response, GET and the published event', async () => {
    const jwks = { keys: [first.public] };
    const response = await register({ jwks, accessTokenLifetimeSeconds: 900 });
    const id = response.body.client_id;

    expect(response.status).toBe(201);
    expect(response.body.app).toMatchObject({ jwks, accessTokenLifetimeSeconds: 900 });
    expect((await stack.reader.get(`/v1/apps/${id}`)).body).toEqual(response.body.app);
    await expectPublished(id, ['ExternalAppRegistered']);
    const [event] = topic.publishedOf(id) as Registered[];
    expect(event?.data).toMatchObject({ jwks, accessTokenLifetimeSeconds: 900 });
  });

  it('POST without them shows null for both, and publishes the event without them', async () => {
    const response = await register({});
    const id = response.body.client_id;

    expect(response.body.app).toMatchObject({ jwks: null, accessTokenLifetimeSeconds: null });
    await expectPublished(id, ['ExternalAppRegistered']);
    expect(topic.publishedOf(id)[0]?.data).not.toHaveProperty('jwks');
  });

  it('POST refuses a private key with 422 naming the key, echoes nothing of it, stores nothing', async () => {
    const name = `Leaky app ${++count}`;
    const response = await stack.admin.post('/v1/apps', {
      name,
      type: 'confidential',
      jwks: { keys: [first.public, second.private] },
    });

    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({
      type: 'urn:extapps:problem:invalid-jwks',
      code: 'invalid-jwks',
      errors: [{ field: 'jwks.keys.1', message: expect.stringContaining('is a private key') }],
    });
    expect(JSON.stringify(response.body)).not.toContain(String(second.private.d));
    const listed = await stack.reader.get(`/v1/apps?name=${encodeURIComponent(name)}`);
    expect(listed.body.items).toEqual([]);
  });

  it('POST refuses keys for a non-confidential app and a lifetime out of range (422)', async () => {
    const desktop = await stack.admin.post('/v1/apps', {
      name: `Desktop ${++count}`,
      type: 'non-confidential',
      jwks: { keys: [first.public] },
    });
    const short = await register({ accessTokenLifetimeSeconds: 60 });

    expect(desktop.status).toBe(422);
    expect(desktop.body).toMatchObject({ code: 'jwks-not-allowed', errors: [{ field: 'jwks' }] });
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({
      code: 'invalid-access-token-lifetime',
      errors: [{ field: 'accessTokenLifetimeSeconds' }],
    });
  });

  it('PATCH changes both: events on the topic, history with before/after, asOf the app before', async () => {
    const created = await register({ accessTokenLifetimeSeconds: 900 });
    const id = created.body.client_id;
    const jwks = { keys: [first.public, second.public] };

    const changed = await stack.admin.patch(
      `/v1/apps/${id}`,
      { jwks, accessTokenLifetimeSeconds: 1800 },
      { 'if-match': '"1"' },
    );

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ jwks, accessTokenLifetimeSeconds: 1800, version: 3 });
    await expectPublished(id, [
      'ExternalAppRegistered',
      'ClientKeysChanged',
      'AccessTokenLifetimeChanged',
    ]);
    const history = await stack.reader.get(`/v1/apps/${id}/history`);
    expect(history.body.items.slice(1).map((e: { data: unknown }) => e.data)).toEqual([
      { before: null, after: jwks },
      { before: 900, after: 1800 },
    ]);
    const asOf = encodeURIComponent(created.body.app.createdAt);
    expect((await stack.reader.get(`/v1/apps/${id}?asOf=${asOf}`)).body).toMatchObject({
      jwks: null,
      accessTokenLifetimeSeconds: 900,
      version: 1,
    });
  });

  it('PATCH with null removes the keys and resets the lifetime to the default', async () => {
    const created = await register({
      jwks: { keys: [first.public] },
      accessTokenLifetimeSeconds: 600,
    });
    const id = created.body.client_id;

    const reset = await stack.admin.patch(
      `/v1/apps/${id}`,
      { jwks: null, accessTokenLifetimeSeconds: null },
      { 'if-match': '*' },
    );

    expect(reset.body).toMatchObject({ jwks: null, accessTokenLifetimeSeconds: null, version: 3 });
    await expectPublished(id, [
      'ExternalAppRegistered',
      'ClientKeysChanged',
      'AccessTokenLifetimeChanged',
    ]);
    expect(
      topic
        .publishedOf(id)
        .slice(1)
        .map((e) => e.data),
    ).toEqual([
      { before: { keys: [first.public] }, after: null },
      { before: 600, after: null },
    ]);
  });

  it('PATCH refuses a symmetric key as a whole, leaving the app as it was', async () => {
    const created = await register({});
    const id = created.body.client_id;

    const refused = await stack.admin.patch(
      `/v1/apps/${id}`,
      {
        accessTokenLifetimeSeconds: 600,
        jwks: { keys: [{ kty: 'oct', kid: 'h', k: 'c2VjcmV0' }] },
      },
      { 'if-match': '"1"' },
    );

    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'invalid-jwks',
      errors: [{ field: 'jwks.keys.0' }],
    });
    expect(JSON.stringify(refused.body)).not.toContain('c2VjcmV0');
    expect((await stack.reader.get(`/v1/apps/${id}`)).body).toMatchObject({
      accessTokenLifetimeSeconds: null,
      version: 1,
    });
  });
});
