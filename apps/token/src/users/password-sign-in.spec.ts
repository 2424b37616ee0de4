import { admin, directoryFixture } from './testing/directory-fixture';

const meta = { ip: '198.51.100.7', correlationId: 'corr-login', userAgent: 'Firefox' };
const PASSWORD = 'rabbit-hole-1865';
const CLIENT = 'app-web';

describe('PasswordSignIn', () => {
  let f: ReturnType<typeof directoryFixture>;
  let userId: string;
  beforeEach(async () => {
    f = directoryFixture({ threshold: 3, durationMs: 900_000 });
    const created = await f.directory.create(
      { username: 'alice', displayName: 'Alice', password: PASSWORD },
      admin,
    );
    if (!created.ok) throw new Error(created.error.message);
    userId = created.user.userId;
    f.events.events.length = 0;
  });
  const signIn = (password: string, username = 'alice') =>
    f.signIn.signIn(username, password, CLIENT, meta, f.clock.now());
  const reasons = () => f.events.ofType('UserSignInFailed').map((e) => e.data.reason);

  it('given the right password, when signing in with any case, then the user and UserSignedIn', async () => {
    expect(await signIn(PASSWORD, ' Alice ')).toEqual({
      ok: true,
      user: { userId, username: 'alice', displayName: 'Alice' },
    });
    expect(f.events.events).toEqual([
      expect.objectContaining({
        type: 'UserSignedIn',
        streamId: userId,
        actor: { type: 'user', id: userId, ip: '198.51.100.7', userAgent: 'Firefox' },
        correlationId: 'corr-login',
        data: { userId, username: 'alice', clientId: CLIENT },
      }),
    ]);
  });

  it('given a wrong password, then wrong-password and UserSignInFailed with the user id', async () => {
    expect(await signIn('not-the-password')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(f.events.ofType('UserSignInFailed')[0].data).toEqual({
      userId,
      clientId: CLIENT,
      reason: 'wrong-password',
    });
  });

  it('given an unknown username, then unknown-user, a null user id and the name nowhere', async () => {
    const dummy = jest.spyOn(f.hasher, 'verifyDummy');
    expect(await signIn(PASSWORD, 'mallory')).toEqual({ ok: false, reason: 'unknown-user' });
    expect(dummy).toHaveBeenCalledTimes(1);
    const [failed] = f.events.ofType('UserSignInFailed');
    expect(failed).toMatchObject({ streamId: 'unknown-user', data: { userId: null } });
    expect(JSON.stringify(f.events.events)).not.toContain('mallory');
  });

  it('given a name no user could have, then unknown-user without a lookup', async () => {
    const lookup = jest.spyOn(f.users, 'findByUsername');
    expect(await signIn(PASSWORD, 'not a name')).toEqual({ ok: false, reason: 'unknown-user' });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('given failures one below the threshold, then the user is not locked out', async () => {
    await signIn('wrong-1');
    await signIn('wrong-2');
    expect((await signIn(PASSWORD)).ok).toBe(true);
  });

  it('given the threshold of failures, then UserLockedOut and even the right password is refused', async () => {
    for (const attempt of ['wrong-1', 'wrong-2', 'wrong-3']) await signIn(attempt);
    expect(f.events.ofType('UserLockedOut')).toEqual([
      expect.objectContaining({
        streamId: userId,
        streamVersion: 2,
        data: { userId, until: '2026-02-01T10:15:00.000Z' },
      }),
    ]);
    const verify = jest.spyOn(f.hasher, 'verify');
    const dummy = jest.spyOn(f.hasher, 'verifyDummy');
    expect(await signIn(PASSWORD)).toEqual({ ok: false, reason: 'locked-out' });
    expect(dummy).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(reasons()).toEqual(['wrong-password', 'wrong-password', 'wrong-password', 'locked-out']);
  });

  it('given a lockout, when its period has passed, then the right password signs in', async () => {
    for (const attempt of ['wrong-1', 'wrong-2', 'wrong-3']) await signIn(attempt);
    f.clock.advance(900_000);
    expect((await signIn(PASSWORD)).ok).toBe(true);
  });

  it('given a lockout that ended, then the count starts again from zero', async () => {
    for (const attempt of ['wrong-1', 'wrong-2', 'wrong-3']) await signIn(attempt);
    f.clock.advance(900_000);
    await signIn('wrong-4');
    await signIn('wrong-5');
    expect((await signIn(PASSWORD)).ok).toBe(true);
    expect(f.events.ofType('UserLockedOut')).toHaveLength(1);
  });

  it('given failures, when the right password comes, then the count resets', async () => {
    await signIn('wrong-1');
    await signIn('wrong-2');
    await signIn(PASSWORD);
    await signIn('wrong-3');
    await signIn('wrong-4');
    expect((await signIn(PASSWORD)).ok).toBe(true);
    expect(f.events.ofType('UserLockedOut')).toHaveLength(0);
  });

  it('given a locked-out user, when an admin unlocks it, then the right password signs in', async () => {
    for (const attempt of ['wrong-1', 'wrong-2', 'wrong-3']) await signIn(attempt);
    await f.directory.unlock(userId, admin);
    expect((await signIn(PASSWORD)).ok).toBe(true);
  });

  it('given a disabled user, then disabled after a dummy verification, and no failure counted', async () => {
    await f.directory.disable(userId, admin);
    const dummy = jest.spyOn(f.hasher, 'verifyDummy');
    expect(await signIn(PASSWORD)).toEqual({ ok: false, reason: 'disabled' });
    expect(dummy).toHaveBeenCalledTimes(1);
    expect(await f.guards.guard(userId)).toEqual({ lockedUntil: null, failures: 0 });
  });

  it('given a deleted user, then it is refused as disabled', async () => {
    await f.directory.delete(userId, admin);
    expect(await signIn(PASSWORD)).toEqual({ ok: false, reason: 'disabled' });
  });

  it('given concurrent failures past the threshold, then exactly one lockout', async () => {
    await Promise.all(['w1', 'w2', 'w3', 'w4', 'w5'].map((attempt) => signIn(attempt)));
    expect(f.events.ofType('UserLockedOut')).toHaveLength(1);
    expect((await signIn(PASSWORD)).ok).toBe(false);
  });

  it('given a series left running past the threshold, then the next multiple locks again', async () => {
    for (let i = 0; i < 5; i++) await f.guards.countFailure(userId);
    expect(await signIn('wrong-6')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(f.events.ofType('UserLockedOut')).toHaveLength(1);
  });
});
