import { aUser } from './testing/users';
import { decide } from './user.decider';

const now = new Date('2026-02-01T10:00:00.000Z');
const active = aUser({ userId: 'usr-1', version: 3 });

describe('user decider', () => {
  it('given no user, when created, then it is active at version 1 and UserCreated is emitted', () => {
    const command = {
      type: 'CreateUser' as const,
      userId: 'usr-1',
      username: 'alice',
      displayName: 'Alice',
      passwordHash: '$scrypt$x',
    };
    expect(decide(command, null, now)).toEqual({
      ok: true,
      user: {
        userId: 'usr-1',
        username: 'alice',
        displayName: 'Alice',
        passwordHash: '$scrypt$x',
        status: 'active',
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
      event: {
        type: 'UserCreated',
        data: { userId: 'usr-1', username: 'alice', displayName: 'Alice' },
      },
    });
  });

  it('given a user, when created again, then it is refused', () => {
    const command = { type: 'CreateUser' as const, ...active };
    expect(decide(command, active, now)).toMatchObject({
      ok: false,
      error: { code: 'user-exists' },
    });
  });

  it('given no user, when changed, then user-not-found', () => {
    expect(decide({ type: 'DisableUser' }, null, now)).toMatchObject({
      ok: false,
      error: { code: 'user-not-found' },
    });
  });

  it('given a user, when its password changes, then the next version has the new hash', () => {
    expect(decide({ type: 'ChangePassword', passwordHash: '$scrypt$new' }, active, now)).toEqual({
      ok: true,
      user: { ...active, passwordHash: '$scrypt$new', version: 4, updatedAt: now.toISOString() },
      event: { type: 'UserPasswordChanged', data: { userId: 'usr-1' } },
    });
  });

  it('given an active user, when disabled, then UserDisabled; when disabled again, then nothing', () => {
    const disabled = decide({ type: 'DisableUser' }, active, now);
    expect(disabled).toMatchObject({
      ok: true,
      user: { status: 'disabled', version: 4 },
      event: { type: 'UserDisabled', data: {} },
    });
    if (!disabled.ok) throw new Error('expected a decision');
    expect(decide({ type: 'DisableUser' }, disabled.user, now)).toEqual({
      ok: true,
      user: disabled.user,
      event: null,
    });
  });

  it('given a disabled user, when enabled, then UserEnabled; an active one is left as it is', () => {
    const disabled = { ...active, status: 'disabled' as const };
    expect(decide({ type: 'EnableUser' }, disabled, now)).toMatchObject({
      user: { status: 'active', version: 4 },
      event: { type: 'UserEnabled' },
    });
    expect(decide({ type: 'EnableUser' }, active, now)).toMatchObject({ event: null });
  });

  it('given a user, when deleted, then UserDeleted and the hash is dropped; deleting again does nothing', () => {
    const deleted = decide({ type: 'DeleteUser' }, active, now);
    expect(deleted).toMatchObject({
      user: { status: 'deleted', passwordHash: '', version: 4 },
      event: { type: 'UserDeleted', data: {} },
    });
    if (!deleted.ok) throw new Error('expected a decision');
    expect(decide({ type: 'DeleteUser' }, deleted.user, now)).toMatchObject({ event: null });
  });

  it.each([
    [{ type: 'ChangePassword' as const, passwordHash: '$scrypt$x' }],
    [{ type: 'DisableUser' as const }],
    [{ type: 'EnableUser' as const }],
  ])('given a deleted user, when %j, then user-deleted', (command) => {
    const deleted = { ...active, status: 'deleted' as const };
    expect(decide(command, deleted, now)).toMatchObject({
      ok: false,
      error: { code: 'user-deleted' },
    });
  });

  it('given an active user, when locked out, then UserLockedOut names the end', () => {
    const until = '2026-02-01T10:15:00.000Z';
    expect(decide({ type: 'RecordLockout', until }, active, now)).toMatchObject({
      user: { ...active, version: 4, updatedAt: now.toISOString() },
      event: { type: 'UserLockedOut', data: { userId: 'usr-1', until } },
    });
  });

  it('given a disabled user, when locked out, then it is refused', () => {
    const disabled = { ...active, status: 'disabled' as const };
    const until = '2026-02-01T10:15:00.000Z';
    expect(decide({ type: 'RecordLockout', until }, disabled, now)).toMatchObject({
      ok: false,
      error: { code: 'user-not-active' },
    });
  });

  it('given a user, when an admin ends its lockout, then UserUnlocked is emitted', () => {
    expect(decide({ type: 'RecordUnlock' }, active, now)).toMatchObject({
      ok: true,
      user: { version: 4 },
      event: { type: 'UserUnlocked', data: { userId: 'usr-1' } },
    });
  });

  it('given a deleted user, when unlocked, then user-deleted', () => {
    const deleted = aUser({ userId: 'usr-1', status: 'deleted' });
    expect(decide({ type: 'RecordUnlock' }, deleted, now)).toMatchObject({
      ok: false,
      error: { code: 'user-deleted' },
    });
  });
});
