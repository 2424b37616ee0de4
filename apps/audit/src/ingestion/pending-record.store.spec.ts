import { duplicatesOnly } from './pending-record.store';

/** A bulk insert error as FerretDB 1.24 answered `insertMany(ordered: false)` (seen in a run). */
function bulkError(codes: number[], insertedCount: number) {
  return {
    name: 'MongoBulkWriteError',
    code: codes[0],
    writeErrors: codes.map((code, index) => ({
      code,
      index,
      errmsg: 'E11000 duplicate key error collection: db.audit_pending',
    })),
    result: { insertedCount },
  };
}

describe('duplicatesOnly', () => {
  it('given only duplicate keys and every other document inserted, then it counts both', () => {
    expect(duplicatesOnly(bulkError([11000, 11000], 3), 5)).toEqual({ stored: 3, duplicates: 2 });
  });

  it('given a write error that is no duplicate key, then the batch must be retried', () => {
    expect(duplicatesOnly(bulkError([11000, 2], 3), 5)).toBeUndefined();
  });

  it('given documents neither inserted nor refused as duplicates, then the batch must be retried', () => {
    expect(duplicatesOnly(bulkError([11000], 3), 5)).toBeUndefined();
  });

  it('given an error without write errors or counts, then the batch must be retried', () => {
    expect(duplicatesOnly(new Error('connection reset'), 5)).toBeUndefined();
    expect(duplicatesOnly({ writeErrors: [{ code: 11000 }] }, 1)).toBeUndefined();
    expect(duplicatesOnly(null, 1)).toBeUndefined();
  });
});
