import { eventually } from '@extapps/testing';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';
import { readRegistrationTopic, TopicReader } from './testing/topic-reader';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('disabling, enabling and deleting apps over HTTP (real Kafka and MongoDB)', () => {
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

  describe('disable, enable, delete', () => {
    it('disables and enables; a repeat changes nothing and keeps the ETag', async () => {
      const id = await newApp();
      const disabled = await stack.admin.post(`/v1/apps/${id}/disable`);
      const again = await stack.admin.post(`/v1/apps/${id}/disable`, undefined, {
        'if-match': '"2"',
      });
      const enabled = await stack.admin.post(`/v1/apps/${id}/enable`);

      expect([disabled.status, again.status, enabled.status]).toEqual([200, 200, 200]);
      expect(disabled.body.status).toBe('disabled');
      expect(again.headers.get('etag')).toBe('"2"');
      expect(enabled.body).toMatchObject({ status: 'active', version: 3 });
      await expectPublished(id, [
        'ExternalAppRegistered',
        'ExternalAppDisabled',
        'ExternalAppEnabled',
      ]);
    });

    it('checks If-Match when sent', async () => {
      const id = await newApp();
      const stale = await stack.admin.post(`/v1/apps/${id}/disable`, undefined, {
        'if-match': '"5"',
      });

      expect(stale.status).toBe(412);
      expect(stale.body.currentVersion).toBe(1);
    });

    it('deletes for good, refuses later commands with 409 and frees the name', async () => {
      const id = await newApp();
      const name = `App ${count}`;
      const deleted = await stack.admin.delete(`/v1/apps/${id}`);
      const later = await stack.admin.post(`/v1/apps/${id}/enable`);
      const reused = await stack.admin.post('/v1/apps', { name, type: 'confidential' });

      expect(deleted.status).toBe(200);
      expect(deleted.body).toMatchObject({ status: 'deleted', version: 2 });
      expect(later.status).toBe(409);
      expect(later.body.code).toBe('app-deleted');
      expect(reused.status).toBe(201);
      await expectPublished(id, ['ExternalAppRegistered', 'ExternalAppDeleted']);
    });

    it('answers 403 to a token without the write scope', async () => {
      const id = await newApp();

      expect((await stack.reader.delete(`/v1/apps/${id}`)).status).toBe(403);
      expect((await stack.anonymous.post(`/v1/apps/${id}/disable`)).status).toBe(401);
    });
  });
});
