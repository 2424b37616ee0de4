import { mongoTestDatabase } from '@extapps/event-store/testing';
import { uniqueName } from '@extapps/testing';
import { MongoSigningKeyStore } from './mongo-signing-key-store';
import { describeSigningKeyStoreContract, storedKey } from './testing/signing-key-store-contract';

const connection = mongoTestDatabase('signing_keys');

describeSigningKeyStoreContract(
  'mongo',
  async () => new MongoSigningKeyStore(connection(), uniqueName('signing_keys')),
);

describe('MongoSigningKeyStore documents', () => {
  it('keeps one document per generation, the generation as _id', async () => {
    const collection = uniqueName('signing_keys');
    const store = new MongoSigningKeyStore(connection(), collection);
    const key = await storedKey(4);

    await store.insert(key);

    const { generation, ...rest } = key;
    expect(await connection().collection(collection).find().toArray()).toEqual([
      { _id: generation, ...rest },
    ]);
  });
});
