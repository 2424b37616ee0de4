import { asDuplicateKeyConflict, DuplicateKeyConflict } from './conflict';

describe('asDuplicateKeyConflict', () => {
  it('given a driver error with code 11000, then it names collection, index and key', () => {
    const error = {
      code: 11000,
      errmsg: 'E11000 duplicate key error collection: db.events index: stream_version dup key: { }',
      keyValue: { streamId: 'a', streamVersion: 1 },
    };

    const conflict = asDuplicateKeyConflict(error);

    expect(conflict).toBeInstanceOf(DuplicateKeyConflict);
    expect(conflict).toMatchObject({
      collection: 'db.events',
      index: 'stream_version',
      key: { streamId: 'a', streamVersion: 1 },
    });
    expect(conflict?.cause).toBe(error);
  });

  it('given a bulk write error whose write errors hold 11000, then it is a conflict', () => {
    const error = {
      code: 65,
      writeErrors: [{ err: { code: 11000, errmsg: 'index: by_name dup key' } }],
    };

    expect(asDuplicateKeyConflict(error)?.index).toBe('by_name');
  });

  it('given any other error, then it is not a conflict', () => {
    expect(asDuplicateKeyConflict(new Error('boom'))).toBeUndefined();
    expect(asDuplicateKeyConflict({ code: 112 })).toBeUndefined();
    expect(asDuplicateKeyConflict(null)).toBeUndefined();
    expect(asDuplicateKeyConflict('E11000')).toBeUndefined();
  });
});
