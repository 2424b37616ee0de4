import { ValidationFailedException } from '@extapps/platform';
import { MAX_BATCH_CHECKS, parseBatch, parseCheck } from './check-request';
import { batchCheckBodySchema, checkBodySchema } from './check-schemas';

const valid = {
  principal: { type: 'app', id: 'app-1' },
  permission: 'Jobs.View',
  tenant: 't1',
  folder: 'f1',
};

/** The fields a refusal names, or null when it parses. */
function fieldsOf(parse: () => unknown): string[] | null {
  try {
    parse();
    return null;
  } catch (error) {
    if (!(error instanceof ValidationFailedException)) throw error;
    return error.errors.map((e) => e.field);
  }
}

describe('parseCheck', () => {
  it('given a valid check, then it is the query the index takes', () => {
    expect(parseCheck(valid)).toEqual({
      principal: { type: 'app', id: 'app-1' },
      permission: 'Jobs.View',
      tenantId: 't1',
      folderId: 'f1',
    });
    expect(parseCheck({ ...valid, folder: undefined }).folderId).toBeUndefined();
  });

  it.each([
    ['valid', valid, null],
    ['no folder', { ...valid, folder: undefined }, null],
    ['a user', { ...valid, principal: { type: 'user', id: 'u' } }, null],
    ['not an object', [valid], ['']],
    ['no principal', { ...valid, principal: undefined }, ['principal']],
    ['a robot principal', { ...valid, principal: { type: 'robot', id: 'r' } }, ['principal.type']],
    ['an empty id', { ...valid, principal: { type: 'app', id: '' } }, ['principal.id']],
    ['a long id', { ...valid, principal: { type: 'app', id: 'x'.repeat(201) } }, ['principal.id']],
    ['a principal key', { ...valid, principal: { type: 'app', id: 'a', x: 1 } }, ['principal.x']],
    ['a lower-case permission', { ...valid, permission: 'jobs.view' }, ['permission']],
    ['a permission number', { ...valid, permission: 7 }, ['permission']],
    ['a tenant with a slash', { ...valid, tenant: 'a/b' }, ['tenant']],
    ['a null folder', { ...valid, folder: null }, ['folder']],
    ['an unknown field', { ...valid, extra: true }, ['extra']],
    [
      'everything wrong',
      { principal: 1, permission: '', tenant: '' },
      ['principal', 'permission', 'tenant'],
    ],
  ])('given %s, then the refusal (if any) agrees with the zod schema', (_case, body, fields) => {
    expect(fieldsOf(() => parseCheck(body))).toEqual(fields);
    expect(checkBodySchema.safeParse(body).success).toBe(fields === null);
  });
});

describe('parseBatch', () => {
  it('given checks, then one query each, in order', () => {
    const queries = parseBatch({ checks: [valid, { ...valid, permission: 'Jobs.Create' }] });

    expect(queries.map((q) => q.permission)).toEqual(['Jobs.View', 'Jobs.Create']);
  });

  it.each([
    ['no checks', { checks: [] }, ['checks']],
    ['too many checks', { checks: Array(MAX_BATCH_CHECKS + 1).fill(valid) }, ['checks']],
    ['not an array', { checks: valid }, ['checks']],
    ['an unknown field', { checks: [valid], extra: 1 }, ['extra']],
    [
      'bad checks',
      { checks: [valid, { ...valid, tenant: '' }, 3] },
      ['checks.1.tenant', 'checks.2'],
    ],
  ])('given %s, then it is refused naming the fields at fault', (_case, body, fields) => {
    expect(fieldsOf(() => parseBatch(body))).toEqual(fields);
    expect(batchCheckBodySchema.safeParse(body).success).toBe(false);
  });

  it('given the most checks allowed, then it is accepted', () => {
    expect(parseBatch({ checks: Array(MAX_BATCH_CHECKS).fill(valid) })).toHaveLength(
      MAX_BATCH_CHECKS,
    );
  });
});
