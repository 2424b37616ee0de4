import { eventually } from '@extapps/testing';
import { withRawDb } from './testing/raw-db';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';
import { readRegistrationTopic, TopicReader } from './testing/topic-reader';

const CONCURRENT = 50;

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('concurrent commands over HTTP (real Kafka and MongoDB)', () => {
  let stack: RegistrationStack;
  let topic: TopicReader;

  beforeAll(async () => {
    stack = await startRegistrationStack();
    topic = await readRegistrationTopic(String(stack.env['KAFKA_BROKERS']).split(','));
  });
  afterAll(async () => {
    await topic?.stop();
    await stack?.close();
  });

  const versionsOf = (appId: string) =>
    withRawDb(stack.env, async (db) =>
      (await db.collection('events').find({ streamId: appId }).toArray()).map(
        (d) => d['streamVersion'] as number,
      ),
    );

  it(`${CONCURRENT} renames of one app at once: one wins each version, the rest get 409`, async () => {
    const created = await stack.admin.post('/v1/apps', { name: 'Contended', type: 'confidential' });
    const id = created.body.client_id as string;

    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        stack.admin.patch(`/v1/apps/${id}`, { name: `Contended ${i}` }, { 'if-match': '*' }),
      ),
    );

    const won = responses.filter((r) => r.status === 200);
    const lost = responses.filter((r) => r.status !== 200);
    const wonVersions = won.map((r) => Number(JSON.parse(String(r.headers.get('etag')))));
    expect(won.length).toBeGreaterThan(0);
    expect(new Set(wonVersions).size).toBe(won.length);
    for (const response of lost) {
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'concurrent-modification',
        currentVersion: expect.any(Number),
      });
      expect(response.body.currentVersion).toBeGreaterThan(1);
    }
    const versions = (await versionsOf(id)).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: won.length + 1 }, (_, i) => i + 1));
    expect(wonVersions.sort((a, b) => a - b)).toEqual(versions.slice(1));
    await eventually(() => expect(topic.publishedOf(id)).toHaveLength(won.length + 1));
  });

  it('keeps only the winning name claimed: the losers release theirs', async () => {
    const created = await stack.admin.post('/v1/apps', { name: 'Claims', type: 'confidential' });
    const id = created.body.client_id as string;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        stack.admin.patch(`/v1/apps/${id}`, { name: `Claims ${i}` }, { 'if-match': '"1"' }),
      ),
    );
    const winner = responses.find((r) => r.status === 200);

    const claims = await withRawDb(stack.env, (db) =>
      db.collection('app_names').find({ appId: id }).toArray(),
    );
    expect(claims.map((c) => c['_id'])).toEqual([String(winner?.body.name).toLowerCase()]);
    // A loser that loaded before the winner's append gets 409, one that loaded after it 412.
    for (const { status } of responses.filter((r) => r !== winner))
      expect([409, 412]).toContain(status);
  });

  it('two registrations of one name at once: one 201, one 409', async () => {
    const body = { name: 'Twin', type: 'non-confidential' };
    const responses = await Promise.all([
      stack.admin.post('/v1/apps', body),
      stack.admin.post('/v1/apps', { ...body, name: 'twin ' }),
    ]);

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.status === 409)?.body.code).toBe('name-taken');
  });
});
