import { admin, directoryFixture } from './testing/directory-fixture';

const alice = { username: 'Alice', displayName: 'Alice Liddell', password: 'rabbit-hole-1865' };

describe('UserDirectory', () => {
  let f: ReturnType<typeof directoryFixture>;
  beforeEach(() => {
    f = directoryFixture();
  });

  async function created() {
    const outcome = await f.directory.create(alice, admin);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.user;
  }

  it('given a valid new user, when created, then it is stored hashed and UserCreated is recorded', async () => {
    const user = await created();
    expect(user).toEqual({
      userId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/),
      username: 'alice',
      displayName: 'Alice Liddell',
      status: 'active',
      version: 1,
      createdAt: '2026-02-01T10:00:00.000Z',
      updatedAt: '2026-02-01T10:00:00.000Z',
      lockedUntil: null,
    });
    const stored = await f.users.get(user.userId);
    expect(await f.hasher.verify('rabbit-hole-1865', stored?.passwordHash ?? '')).toBe(true);
    expect(f.events.events).toEqual([
      expect.objectContaining({
        type: 'UserCreated',
        streamId: user.userId,
        streamVersion: 1,
        actor: admin.actor,
        correlationId: 'corr-admin',
        data: { userId: user.userId, username: 'alice', displayName: 'Alice Liddell' },
      }),
    ]);
    expect(JSON.stringify(f.events.events)).not.toContain('rabbit-hole');
  });

  it('given a taken username in any case, when created, then username-taken and no event', async () => {
    await created();
    const outcome = await f.directory.create({ ...alice, username: 'ALICE' }, admin);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'username-taken' } });
    expect(f.events.events).toHaveLength(1);
  });

  it('given a weak password, when created, then invalid-user names the field and nothing is stored', async () => {
    const outcome = await f.directory.create({ ...alice, password: 'alice' }, admin);
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'invalid-user', problems: [{ field: 'password' }] },
    });
    expect(await f.users.findByUsername('alice')).toBeNull();
  });

  it('given a user, when its password is reset, then the new one verifies and UserPasswordChanged is v2', async () => {
    const user = await created();
    f.clock.advance(1000);
    const outcome = await f.directory.changePassword(user.userId, 'looking-glass-1871', admin);
    expect(outcome).toMatchObject({ ok: true, user: { version: 2 } });
    const stored = await f.users.get(user.userId);
    expect(await f.hasher.verify('looking-glass-1871', stored?.passwordHash ?? '')).toBe(true);
    expect(f.events.ofType('UserPasswordChanged')).toEqual([
      expect.objectContaining({
        streamVersion: 2,
        occurredAt: '2026-02-01T10:00:01.000Z',
        data: { userId: user.userId },
      }),
    ]);
  });

  it('given a locked-out user, when its password is reset, then the lockout ends', async () => {
    const user = await created();
    await f.guards.reset(user.userId, '2026-02-01T10:15:00.000Z');
    const outcome = await f.directory.changePassword(user.userId, 'looking-glass-1871', admin);
    expect(outcome).toMatchObject({ ok: true, user: { lockedUntil: null } });
  });

  it('given a reset to a weak password, then it is refused and the old one stays', async () => {
    const user = await created();
    expect(await f.directory.changePassword(user.userId, 'alice', admin)).toMatchObject({
      ok: false,
      error: { code: 'invalid-user', problems: [{ field: 'password' }] },
    });
    expect(f.events.ofType('UserPasswordChanged')).toHaveLength(0);
  });

  it('given a user, when disabled, enabled and deleted, then each event carries the next version', async () => {
    const user = await created();
    await f.directory.disable(user.userId, admin);
    await f.directory.disable(user.userId, admin);
    await f.directory.enable(user.userId, admin);
    const deleted = await f.directory.delete(user.userId, admin);
    expect(deleted).toMatchObject({ ok: true, user: { status: 'deleted', version: 4 } });
    expect(f.events.events.map((e) => [e.type, e.streamVersion])).toEqual([
      ['UserCreated', 1],
      ['UserDisabled', 2],
      ['UserEnabled', 3],
      ['UserDeleted', 4],
    ]);
  });

  it('given no such user, when changed, then user-not-found', async () => {
    expect(await f.directory.disable('usr-none', admin)).toMatchObject({
      ok: false,
      error: { code: 'user-not-found' },
    });
    expect(await f.directory.changePassword('usr-none', 'looking-glass-1871', admin)).toMatchObject(
      { ok: false, error: { code: 'user-not-found' } },
    );
    expect(await f.directory.unlock('usr-none', admin)).toMatchObject({
      ok: false,
      error: { code: 'user-not-found' },
    });
  });

  it('given a locked-out user, when unlocked, then the lockout ends and UserUnlocked is recorded', async () => {
    const user = await created();
    await f.guards.reset(user.userId, '2026-02-01T10:15:00.000Z');
    expect(await f.directory.get(user.userId)).toMatchObject({
      lockedUntil: '2026-02-01T10:15:00.000Z',
    });
    expect(await f.directory.unlock(user.userId, admin)).toMatchObject({
      ok: true,
      user: { lockedUntil: null, version: 2 },
    });
    expect(f.events.events.at(-1)).toMatchObject({
      type: 'UserUnlocked',
      streamId: user.userId,
      streamVersion: 2,
      data: { userId: user.userId },
    });
  });

  it('given a user who is not locked out, when unlocked, then nothing changes and no event', async () => {
    const user = await created();
    expect(await f.directory.unlock(user.userId, admin)).toMatchObject({
      ok: true,
      user: { lockedUntil: null, version: 1 },
    });
    expect(f.events.events).toHaveLength(1);
  });

  it('given a lockout whose end has passed, then the user shows as not locked', async () => {
    const user = await created();
    await f.guards.reset(user.userId, '2026-02-01T10:15:00.000Z');
    f.clock.set('2026-02-01T10:15:00.000Z');
    expect(await f.directory.get(user.userId)).toMatchObject({ lockedUntil: null });
  });

  it('given a change that keeps losing its version, then concurrent-modification after retries', async () => {
    const user = await created();
    jest.spyOn(f.users, 'save').mockResolvedValue('conflict');
    expect(await f.directory.disable(user.userId, admin)).toMatchObject({
      ok: false,
      error: { code: 'concurrent-modification' },
    });
    expect(f.users.save).toHaveBeenCalledTimes(3);
    expect(f.events.ofType('UserDisabled')).toHaveLength(0);
  });

  it('lists users a page at a time, with where the next page starts', async () => {
    for (const name of ['ann', 'ben', 'cat'])
      await f.directory.create({ ...alice, username: name }, admin);
    const first = await f.directory.list(null, 2);
    expect(first.items.map((u) => u.username)).toEqual(['ann', 'ben']);
    expect(first.next).toBe(first.items[1].userId);
    const second = await f.directory.list(first.next, 2);
    expect(second).toEqual({ items: [expect.objectContaining({ username: 'cat' })], next: null });
  });
});
