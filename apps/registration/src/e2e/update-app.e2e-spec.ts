import { eventually } from '@extapps/testing';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';
import { readRegistrationTopic, TopicReader } from './testing/topic-reader';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('PATCH: changing apps over HTTP (real Kafka and MongoDB)', () => {
  let stack: RegistrationStack;
  let topic: TopicReader;
  let count = 0;

  beforeAll(async () => {
    stack = await startRegistrationStack();
    topic = await readRegistrationTopic(String(stack.env['KAFKA_BROKERS']).split(','));
  });
  afterAll(async () => {
    await topic?.stop();
    await stack?.close();
  });

  const typesOf = (appId: string) => topic.publishedOf(appId).map((e) => e.type);
  const expectPublished = (appId: string, types: string[]) =>
    eventually(() => expect(typesOf(appId)).toEqual(types));

  /** A fresh confidential app; its id. */
  const newApp = async (): Promise<string> => {
    const response = await stack.admin.post('/v1/apps', {
      name: `App ${++count}`,
      type: 'confidential',
      redirectUris: ['https://a.example.com/cb'],
      userScopes: ['OR.Jobs.Read'],
    });
    expect(response.status).toBe(201);
    return response.body.client_id;
  };

  describe('PATCH /v1/apps/{id}', () => {
    it('requires If-Match (428) and refuses a stale one (412 naming the current version)', async () => {
      const id = await newApp();
      const missing = await stack.admin.patch(`/v1/apps/${id}`, { name: 'Renamed' });
      const stale = await stack.admin.patch(
        `/v1/apps/${id}`,
        { name: 'Renamed' },
        { 'if-match': '"7"' },
      );

      expect(missing.status).toBe(428);
      expect(missing.body.code).toBe('if-match-required');
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: 'version-mismatch', currentVersion: 1 });
    });

    it('applies every change as its own event and answers the new ETag', async () => {
      const id = await newApp();
      const response = await stack.admin.patch(
        `/v1/apps/${id}`,
        {
          name: 'Renamed app',
          redirectUris: ['https://b.example.com/cb'],
          applicationScopes: ['OR.Jobs'],
        },
        { 'if-match': '"1"' },
      );

      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"4"');
      expect(response.body).toMatchObject({ name: 'Renamed app', version: 4 });
      const read = await stack.reader.get(`/v1/apps/${id}`);
      expect(read.headers.get('etag')).toBe('"4"');
      expect(read.body).toEqual(response.body);
      await expectPublished(id, [
        'ExternalAppRegistered',
        'ExternalAppRenamed',
        'RedirectUrisChanged',
        'ScopesChanged',
      ]);
    });

    it('adds user scopes together with their first redirect URI, with If-Match *', async () => {
      const created = await stack.admin.post('/v1/apps', {
        name: `Service ${++count}`,
        type: 'confidential',
        applicationScopes: ['OR.Jobs'],
      });
      const id = created.body.client_id;
      const response = await stack.admin.patch(
        `/v1/apps/${id}`,
        { redirectUris: ['https://s.example.com/cb'], userScopes: ['OR.Folders.Read'] },
        { 'if-match': '*' },
      );

      expect(response.status).toBe(200);
      expect(response.body.version).toBe(3);
    });

    it('refuses the whole change when one part breaks a rule, storing nothing', async () => {
      const id = await newApp();
      const response = await stack.admin.patch(
        `/v1/apps/${id}`,
        { name: 'Fine name', redirectUris: ['http://example.com/cb'] },
        { 'if-match': '"1"' },
      );

      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        code: 'invalid-redirect-uri',
        errors: [{ field: 'redirectUris.0' }],
      });
      expect((await stack.reader.get(`/v1/apps/${id}`)).body).toMatchObject({
        name: `App ${count}`,
        version: 1,
      });
    });

    it('answers 404 for an unknown app and 400 for an unknown field', async () => {
      const unknown = await stack.admin.patch('/v1/apps/nope', { name: 'x' }, { 'if-match': '*' });
      const id = await newApp();
      const extra = await stack.admin.patch(`/v1/apps/${id}`, { status: 'x' }, { 'if-match': '*' });

      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('app-not-found');
      expect(extra.status).toBe(400);
    });
  });
});
