import { uniqueName } from '@extapps/testing';
import { describeSnapshotStoreContract, mongoTestDatabase } from '../testing';
import { MongoSnapshotStore } from './mongo-snapshot-store';

const connection = mongoTestDatabase('snapshots');

describeSnapshotStoreContract('mongo', async () => {
  const collection = uniqueName('snapshots');
  return (schemaVersion) => new MongoSnapshotStore(connection(), { collection, schemaVersion });
});

describe('MongoSnapshotStore documents', () => {
  it('keeps a single document per stream', async () => {
    const collection = uniqueName('snapshots');
    const store = new MongoSnapshotStore<{ n: number }>(connection(), {
      collection,
      schemaVersion: 3,
    });

    for (const version of [1, 2, 3])
      await store.save({ streamId: 'app-1', version, state: { n: version } });

    expect(await connection().collection(collection).find().toArray()).toEqual([
      { _id: 'app-1', version: 3, schemaVersion: 3, state: { n: 3 } },
    ]);
  });
});
