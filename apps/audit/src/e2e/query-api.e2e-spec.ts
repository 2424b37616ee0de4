import { uniqueName, eventually } from '@extapps/testing';
import { sampleEvents } from '../query/testing/seed-chain';
import { queryString } from './testing/api-client';
import { AuditStack, startAuditStack } from './testing/audit-stack';
import { TestPublisher } from './testing/publish';

jest.setTimeout(120_000);

const PROBLEM_JSON = /^application\/problem\+json/;

describe('audit search and export API (real Kafka and MongoDB-wire)', () => {
  let stack: AuditStack;
  const [appA, appB] = [uniqueName('app-a'), uniqueName('app-b')];
  const admins = [uniqueName('admin-1'), uniqueName('admin-2')] as const;
  // A window of time of this suite's own: the service also records every other suite's events.
  const start = new Date(Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 1e6) * 60_000);
  const window = {
    from: start.toISOString(),
    to: new Date(start.getTime() + 3_600_000).toISOString(),
  };
  const events = sampleEvents(appA, appB, { start, admins });
  const ids = events.map(({ event }) => event.eventId);
  /** The sample events' ids newest first, in the order the chain recorded them. */
  let newestFirst: string[] = [];
  /** The ids of the sample events at `indexes`, in the chain's order. */
  const chained = (indexes: number[], order: 'newest' | 'oldest' = 'newest') => {
    const picked = newestFirst.filter((id) => indexes.includes(ids.indexOf(id)));
    return order === 'newest' ? picked : picked.reverse();
  };
  const idsOf = (items: { eventId: string }[]) => items.map((r) => r.eventId);

  beforeAll(async () => {
    stack = await startAuditStack();
    const publisher = new TestPublisher();
    for (const { topic, event } of events) await publisher.publish(topic, [event]);
    await publisher.close();
    newestFirst = await eventually(
      async () => {
        const { body } = await stack.reader.get(`/v1/audit/records${queryString(window)}`);
        expect(body.items).toHaveLength(5);
        return idsOf(body.items);
      },
      { timeoutMs: 90_000, intervalMs: 200 },
    );
  });
  afterAll(() => stack?.close());

  const search = (params: Record<string, string | number | undefined>) =>
    stack.reader.get(`/v1/audit/records${queryString({ ...window, ...params })}`);

  it('answers newest first, in cursor pages that neither repeat nor skip', async () => {
    const pages: string[][] = [];
    const seqs: number[] = [];
    let cursor: string | undefined;
    do {
      const { status, body } = await search({ limit: 2, cursor });
      expect(status).toBe(200);
      pages.push(idsOf(body.items));
      seqs.push(...body.items.map((r: { seq: number }) => r.seq));
      cursor = body.nextCursor ?? undefined;
    } while (cursor);

    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(newestFirst);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(pages.flat())).toEqual(new Set(ids));
  });

  it('filters by actor, target app, action, category, outcome and time, combined with AND', async () => {
    const twentyMinutesIn = new Date(start.getTime() + 20 * 60_000).toISOString();
    // Sample events: 0 registered (A), 1 token issued (A), 2 authentication failed (B),
    // 3 role assigned (A), 4 renamed (B); admins[0] did 0 and 4.
    const cases: [Record<string, string>, string[]][] = [
      [{ actor: admins[0] }, chained([0, 4])],
      [{ targetApp: appA }, chained([0, 1, 3])],
      [{ action: 'app.renamed' }, chained([4])],
      [{ category: 'permissions' }, chained([3])],
      [{ outcome: 'failure', targetApp: appB }, chained([2])],
      [{ from: twentyMinutesIn, order: 'oldest' }, chained([2, 3, 4], 'oldest')],
    ];
    for (const [params, expected] of cases) {
      const { body } = await search(params);
      expect([params, idsOf(body.items)]).toEqual([params, expected]);
    }
  });

  it('answers one record by event id, and 404 for an event it never recorded', async () => {
    const found = await stack.reader.get(`/v1/audit/records/${ids[2]}`);
    const missing = await stack.reader.get(
      '/v1/audit/records/0190a0b0-0000-7000-8000-00000000dead',
    );

    expect(found.body).toMatchObject({
      eventId: ids[2],
      action: 'client.authentication-failed',
      outcome: { status: 'failure', reason: 'wrong-secret' },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(PROBLEM_JSON);
  });

  it('refuses bad parameters with 400 problem+json naming each field', async () => {
    const bad = await stack.reader.get(
      `/v1/audit/records${queryString({ category: 'billing', limit: 0, from: 'yesterday', sort: 'x' })}`,
    );
    const badId = await stack.reader.get('/v1/audit/records/not-an-event-id');
    const badExport = await stack.reader.get('/v1/audit/export?format=xml');

    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(PROBLEM_JSON);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'category',
      'from',
      'limit',
      'sort',
    ]);
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([{ field: 'eventId', message: 'must be a UUID v7' }]);
    expect(badExport.body.errors).toEqual([{ field: 'format', message: expect.any(String) }]);
  });

  it('is closed: 401 without a token, 403 without extapps.audit.read', async () => {
    for (const path of [
      '/v1/audit/records',
      '/v1/audit/export?format=csv',
      '/v1/audit/ingestion',
    ]) {
      expect([path, (await stack.anonymous.get(path)).status]).toEqual([path, 401]);
      expect([path, (await stack.outsider.get(path)).status]).toEqual([path, 403]);
    }
  });

  it('exports the matching records as JSON Lines, oldest first, each as the API shows it', async () => {
    const { status, headers, text } = await stack.reader.get(
      `/v1/audit/export${queryString({ ...window, format: 'jsonl' })}`,
    );
    const { body } = await search({ order: 'oldest' });

    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-\d{8}T\d{6}Z\.jsonl"$/,
    );
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(body.items);
  });

  it('exports the matching records as CSV with a header line', async () => {
    const { status, headers, text } = await stack.reader.get(
      `/v1/audit/export${queryString({ ...window, targetApp: appB, format: 'csv', order: 'newest' })}`,
    );
    const lines = text.split('\r\n');

    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(lines[0]?.startsWith('seq,eventId,occurredAt,recordedAt,actorType,actorId')).toBe(true);
    expect(lines.slice(1, -1).map((l) => l.split(',')[1])).toEqual(chained([2, 4]));
    const renamed = lines.find((l) => l.includes(',app.renamed,'));
    expect(renamed).toContain(',"{""name"":""Robot B""}","{""name"":""Robot Bee""}",');
    expect(lines.at(-1)).toBe('');
  });

  it('reports ingestion progress per topic', async () => {
    const { status, body } = await stack.reader.get('/v1/audit/ingestion');

    expect(status).toBe(200);
    expect(body).toMatchObject({ groupId: stack.groupId, consumer: 'running' });
    expect(body.topics.map((t: { topic: string }) => t.topic)).toEqual([
      'extapps.registration.events.v1',
      'extapps.token.events.v1',
      'extapps.permissions.events.v1',
    ]);
    expect(body.sinceStart.stored).toBeGreaterThanOrEqual(5);
  });
});
