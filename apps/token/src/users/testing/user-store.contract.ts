import { SignInGuards, UserStore } from '../user-store';
import { aUser, nextVersion } from './users';

export interface UserStores {
  readonly users: UserStore;
  readonly guards: SignInGuards;
}

/** What every UserStore and SignInGuards must do; `make` gives empty stores per test. */
export function describeUserStoreContract(name: string, make: () => Promise<UserStores>): void {
  describe(`UserStore contract (${name})`, () => {
    let users: UserStore;
    beforeEach(async () => {
      ({ users } = await make());
    });

    it('given a created user, when read by id or by username, then it is returned', async () => {
      const alice = aUser({ username: 'alice' });
      expect(await users.create(alice)).toBe('created');
      expect(await users.get(alice.userId)).toEqual(alice);
      expect(await users.findByUsername('alice')).toEqual(alice);
    });

    it('given no such user, when read, then null', async () => {
      expect(await users.get('usr-nobody')).toBeNull();
      expect(await users.findByUsername('nobody')).toBeNull();
    });

    it('given a username in use, when another user is created with it, then it is taken', async () => {
      await users.create(aUser({ username: 'bob' }));
      expect(await users.create(aUser({ username: 'bob' }))).toBe('username-taken');
    });

    it('given a deleted user, when its username is used again, then it is still taken', async () => {
      const carol = aUser({ username: 'carol' });
      await users.create(carol);
      await users.save(nextVersion(carol, { status: 'deleted', passwordHash: '' }));
      expect(await users.create(aUser({ username: 'carol' }))).toBe('username-taken');
      expect(await users.findByUsername('carol')).toMatchObject({ status: 'deleted' });
    });

    it('given concurrent creations of one username, then exactly one wins', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () => users.create(aUser({ username: 'dave' }))),
      );
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    });

    it('given the next version, when saved, then it is the current one', async () => {
      const erin = aUser();
      await users.create(erin);
      const disabled = nextVersion(erin, { status: 'disabled' });
      expect(await users.save(disabled)).toBe('saved');
      expect(await users.get(erin.userId)).toEqual(disabled);
      expect(await users.findByUsername(erin.username)).toEqual(disabled);
    });

    it('given a version already taken, when saved again, then it is a conflict', async () => {
      const frank = aUser();
      await users.create(frank);
      await users.save(nextVersion(frank, { displayName: 'First' }));
      expect(await users.save(nextVersion(frank, { displayName: 'Second' }))).toBe('conflict');
      expect(await users.get(frank.userId)).toMatchObject({ version: 2, displayName: 'First' });
    });

    it('given concurrent saves of one version, then exactly one wins', async () => {
      const grace = aUser();
      await users.create(grace);
      const outcomes = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((n) => users.save(nextVersion(grace, { displayName: n }))),
      );
      expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
    });

    it('given an unknown user, when saved, then it is a conflict', async () => {
      expect(await users.save(aUser({ version: 2 }))).toBe('conflict');
    });

    it('lists users in user id order, a page at a time', async () => {
      const ids = ['usr-3', 'usr-1', 'usr-5', 'usr-2', 'usr-4'];
      for (const userId of ids) await users.create(aUser({ userId, username: `n-${userId}` }));
      const first = await users.list({ after: null, limit: 2 });
      expect(first.map((u) => u.userId)).toEqual(['usr-1', 'usr-2']);
      const rest = await users.list({ after: 'usr-2', limit: 10 });
      expect(rest.map((u) => u.userId)).toEqual(['usr-3', 'usr-4', 'usr-5']);
    });
  });

  describe(`SignInGuards contract (${name})`, () => {
    let guards: SignInGuards;
    beforeEach(async () => {
      ({ guards } = await make());
    });

    it('given no failures, then the guard is empty', async () => {
      expect(await guards.guard('usr-new')).toEqual({ lockedUntil: null, failures: 0 });
    });

    it('numbers failures 1, 2, 3 and reports them', async () => {
      expect(await guards.countFailure('usr-a')).toBe(1);
      expect(await guards.countFailure('usr-a')).toBe(2);
      expect(await guards.countFailure('usr-a')).toBe(3);
      expect(await guards.guard('usr-a')).toEqual({ lockedUntil: null, failures: 3 });
      expect(await guards.countFailure('usr-b')).toBe(1);
    });

    it('given concurrent failures, then each gets a number of its own', async () => {
      const numbers = await Promise.all(
        Array.from({ length: 8 }, () => guards.countFailure('usr-c')),
      );
      expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('given a reset with a lockout, then the series starts again and the lockout shows', async () => {
      await guards.countFailure('usr-d');
      await guards.countFailure('usr-d');
      await guards.reset('usr-d', '2026-01-01T00:15:00.000Z');
      expect(await guards.guard('usr-d')).toEqual({
        lockedUntil: '2026-01-01T00:15:00.000Z',
        failures: 0,
      });
      expect(await guards.countFailure('usr-d')).toBe(1);
      await guards.reset('usr-d', null);
      expect(await guards.guard('usr-d')).toEqual({ lockedUntil: null, failures: 0 });
    });

    it('given a user never seen, when reset, then its guard exists empty', async () => {
      await guards.reset('usr-e', null);
      expect(await guards.countFailure('usr-e')).toBe(1);
    });
  });
}
