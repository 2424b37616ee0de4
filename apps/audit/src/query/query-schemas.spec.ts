import { ValidationFailedException } from '@extapps/platform';
import { encodeCursor } from './cursor';
import { QueryPipe } from './query-pipe';
import { exportQuerySchema, listRecordsQuerySchema } from './query-schemas';
import { recordFilter, recordSort } from './record-filter';

const list = new QueryPipe(listRecordsQuerySchema);
const errorsOf = (pipe: QueryPipe<never>, query: Record<string, string>) => {
  try {
    pipe.transform(query);
  } catch (error) {
    if (error instanceof ValidationFailedException) return error.errors;
    throw error;
  }
  throw new Error('expected the query to be refused');
};
const listErrors = (query: Record<string, string>) => errorsOf(list as QueryPipe<never>, query);

describe('search query parameters', () => {
  it('given none, then newest first, 50 a page, no filter', () => {
    expect(list.transform({})).toEqual({ order: 'newest', limit: 50 });
    expect(recordFilter(list.transform({}))).toEqual({});
  });

  it('given instants with an offset, then they become the stored UTC form', () => {
    const query = list.transform({ from: '2026-05-04T12:00:00+02:00', to: '2026-05-05T00:00:00Z' });

    expect(query).toMatchObject({
      from: '2026-05-04T10:00:00.000Z',
      to: '2026-05-05T00:00:00.000Z',
    });
  });

  it('given every filter and a cursor, then one AND-ed MongoDB filter past the cursor', () => {
    const cursor = encodeCursor({ seq: 40, order: 'oldest' });
    const query = list.transform({
      from: '2026-05-04T10:00:00Z',
      to: '2026-05-04T11:00:00Z',
      actor: 'admin-1',
      targetApp: 'app-1',
      action: 'app.renamed',
      category: 'app-management',
      outcome: 'success',
      order: 'oldest',
      cursor,
    });

    expect(recordFilter(query, query.cursor)).toEqual({
      occurredAt: { $gte: '2026-05-04T10:00:00.000Z', $lt: '2026-05-04T11:00:00.000Z' },
      'actor.id': 'admin-1',
      'target.type': 'app',
      'target.id': 'app-1',
      action: 'app.renamed',
      category: 'app-management',
      'outcome.status': 'success',
      _id: { $gt: 40 },
    });
    expect(recordSort(query.order)).toEqual({ _id: 1 });
  });

  it.each([
    ['an unknown category', { category: 'billing' }, 'category'],
    ['an unknown outcome', { outcome: 'maybe' }, 'outcome'],
    ['a date without time', { from: '2026-05-04' }, 'from'],
    ['from after to', { from: '2026-05-05T00:00:00Z', to: '2026-05-04T00:00:00Z' }, 'to'],
    ['from equal to to', { from: '2026-05-04T00:00:00Z', to: '2026-05-04T00:00:00Z' }, 'to'],
    ['a limit of 0', { limit: '0' }, 'limit'],
    ['a limit over 500', { limit: '501' }, 'limit'],
    ['an action that is no action name', { action: 'DROP TABLE' }, 'action'],
    ['an unknown parameter', { actorId: 'x' }, 'actorId'],
    ['a forged cursor', { cursor: encodeCursor({ seq: 'x' }) }, 'cursor'],
    ['a cursor that is no base64url', { cursor: '{"seq":1}' }, 'cursor'],
    [
      'a cursor of the other order',
      { cursor: encodeCursor({ seq: 3, order: 'oldest' }) },
      'cursor',
    ],
  ])('given %s, then it is refused naming %s', (_case, query, field) => {
    expect(listErrors(query)).toEqual([{ field, message: expect.any(String) }]);
  });

  it('given an export without format, then format is required; csv and jsonl are known', () => {
    const pipe = new QueryPipe(exportQuerySchema) as QueryPipe<never>;

    expect(errorsOf(pipe, {})).toEqual([{ field: 'format', message: expect.any(String) }]);
    expect(errorsOf(pipe, { format: 'xml' })).toEqual([
      { field: 'format', message: expect.any(String) },
    ]);
    expect(new QueryPipe(exportQuerySchema).transform({ format: 'jsonl' })).toEqual({
      format: 'jsonl',
      order: 'oldest',
    });
  });
});
