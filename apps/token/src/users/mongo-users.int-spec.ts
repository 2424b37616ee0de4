import { mongoTestDatabase } from '@extapps/event-store/testing';
import { MongoSignInGuards, SIGN_IN_COLLECTIONS } from './mongo-sign-in-guards';
import { MongoUserStore, USER_COLLECTIONS } from './mongo-user-store';
import { describeUserStoreContract } from './testing/user-store.contract';
import { aUser, nextVersion } from './testing/users';

const connection = mongoTestDatabase('token-users');
const collection = (name: string) => connection().collection(name);

async function emptyStores() {
  const names = [...Object.values(USER_COLLECTIONS), ...Object.values(SIGN_IN_COLLECTIONS)];
  for (const name of names) await collection(name).deleteMany({});
  return { users: new MongoUserStore(connection()), guards: new MongoSignInGuards(connection()) };
}

describeUserStoreContract('mongo', emptyStores);

describe('MongoUserStore after a crash between its writes', () => {
  it('given a revision the head does not show yet, when read, then the head rolls forward', async () => {
    const { users } = await emptyStores();
    const ivan = aUser();
    await users.create(ivan);
    const disabled = nextVersion(ivan, { status: 'disabled' });
    await collection(USER_COLLECTIONS.revisions).insertOne({
      _id: `${ivan.userId}:2` as never,
      ...disabled,
    });
    expect(await users.get(ivan.userId)).toEqual(disabled);
    expect(await collection(USER_COLLECTIONS.users).findOne({ _id: ivan.userId as never })).toEqual(
      { _id: ivan.userId, ...disabled },
    );
    expect(await users.save(nextVersion(disabled, { status: 'active' }))).toBe('saved');
  });

  it('given a claimed username without its user, when found by name, then the creation completes', async () => {
    const { users } = await emptyStores();
    const judy = aUser({ username: 'judy' });
    await collection(USER_COLLECTIONS.usernames).insertOne({ _id: 'judy' as never, ...judy });
    expect(await users.get(judy.userId)).toBeNull();
    expect(await users.findByUsername('judy')).toEqual(judy);
    expect(await users.get(judy.userId)).toEqual(judy);
    expect(await users.create(aUser({ username: 'judy' }))).toBe('username-taken');
  });

  it('keeps no password hash in any document once the user is deleted', async () => {
    const { users } = await emptyStores();
    const kim = aUser();
    await users.create(kim);
    await users.save(nextVersion(kim, { status: 'deleted', passwordHash: '' }));
    const head = await collection(USER_COLLECTIONS.users).findOne({ _id: kim.userId as never });
    expect(head).toMatchObject({ status: 'deleted', passwordHash: '' });
  });
});
