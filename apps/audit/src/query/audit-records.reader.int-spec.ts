import { connectMongo } from '@extapps/mongo';
import { uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import { AuditRecordsReader } from './audit-records.reader';
import { ListRecordsQuery, listRecordsQuerySchema, RecordFilters } from './query-schemas';
import { RecordView } from './record-view';
import { appendChained, sampleRecords } from './testing/seed-chain';

describe('AuditRecordsReader on MongoDB-wire', () => {
  let db: Connection;
  let reader: AuditRecordsReader;
  let ids: string[];
  const [appA, appB] = ['app-a', 'app-b'];

  beforeAll(async () => {
    db = await connectMongo({
      url: String(process.env['MONGO_URL']),
      dbName: uniqueName('t_query'),
    });
    reader = new AuditRecordsReader(db);
    ids = (await appendChained(db, sampleRecords(appA, appB))).map((r) => r.eventId);
  });
  afterAll(() => db?.close());

  const query = (params: Record<string, string | number>): ListRecordsQuery =>
    listRecordsQuerySchema.parse(params);
  const seqs = (items: readonly RecordView[]) => items.map((r) => r.seq);
  const all = async (filters: RecordFilters = {}) => {
    const found: number[] = [];
    for await (const record of reader.stream(filters, 'oldest', 2)) found.push(record._id);
    return found;
  };

  it('given no parameters, then the newest record comes first', async () => {
    const page = await reader.page(query({}));

    expect(seqs(page.items)).toEqual([5, 4, 3, 2, 1]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[4]).toMatchObject({ eventId: ids[0], action: 'app.registered', seq: 1 });
  });

  it('given a limit, then cursors walk every record once, newest first or oldest first', async () => {
    for (const [order, expected] of [
      ['newest', [[5, 4], [3, 2], [1]]],
      ['oldest', [[1, 2], [3, 4], [5]]],
    ] as const) {
      const pages: number[][] = [];
      let cursor: string | null = null;
      do {
        const page = await reader.page(query({ order, limit: 2, ...(cursor ? { cursor } : {}) }));
        pages.push(seqs(page.items));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages).toEqual(expected);
    }
  });

  it.each<[string, RecordFilters, number[]]>([
    ['from (inclusive)', { from: '2026-05-04T10:20:00.000Z' }, [3, 4, 5]],
    ['to (exclusive)', { to: '2026-05-04T10:20:00.000Z' }, [1, 2]],
    ['from and to', { from: '2026-05-04T10:10:00.000Z', to: '2026-05-04T10:30:00.000Z' }, [2, 3]],
    ['actor', { actor: 'admin-1' }, [1, 5]],
    ['targetApp', { targetApp: appA }, [1, 2, 4]],
    ['action', { action: 'app.renamed' }, [5]],
    ['category', { category: 'token' }, [2]],
    ['outcome', { outcome: 'failure' }, [3]],
    ['several at once', { targetApp: appB, category: 'app-management' }, [5]],
    ['nothing matching', { actor: 'nobody' }, []],
  ])('given the filter %s, then exactly the matching records', async (_name, filters, expected) => {
    expect(await all(filters)).toEqual(expected);
    const page = await reader.page(
      query({ ...filters, order: 'oldest' } as Record<string, string>),
    );
    expect(seqs(page.items)).toEqual(expected);
  });

  it('finds a record by event id through the chainer mark, or without one', async () => {
    const [unmarked] = await appendChained(db, sampleRecords('app-c', 'app-d').slice(0, 1), {
      marks: false,
    });

    expect((await reader.byEventId(ids[2] ?? ''))?._id).toBe(3);
    expect((await reader.byEventId(unmarked?.eventId ?? ''))?._id).toBe(6);
    expect(await reader.byEventId('0190a0b0-0000-7000-8000-00000000dead')).toBeNull();
  });
});
