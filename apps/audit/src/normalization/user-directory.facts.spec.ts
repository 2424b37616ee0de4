import {
  TokenEvent,
  Topics,
  UserCreated,
  UserDeleted,
  UserDisabled,
  UserEnabled,
  UserLockedOut,
  UserPasswordChanged,
  UserUnlocked,
} from '@extapps/contracts';
import { normalizeTokenEvent } from './token.normalizer';
import { admin, eventOf, RECORDED_AT } from './testing/audit-events';

const normalize = (event: TokenEvent) =>
  normalizeTokenEvent(event, { source: Topics.tokenEvents, recordedAt: RECORDED_AT });
const onUser = { streamId: 'u-1' };

describe('normalizeTokenEvent: the user directory', () => {
  it('UserCreated: the new user, its username on the target', () => {
    const data = { userId: 'u-1', username: 'una', displayName: 'Una User' };

    expect(normalize(eventOf(UserCreated, data, onUser))).toMatchObject({
      action: 'user.created',
      category: 'user-management',
      actor: { type: 'user', id: admin.id },
      target: { type: 'user', id: 'u-1', name: 'una' },
      changes: { before: null, after: { username: 'una', displayName: 'Una User' } },
    });
  });

  it('UserPasswordChanged: recorded without any password material', () => {
    expect(normalize(eventOf(UserPasswordChanged, { userId: 'u-1' }, onUser))).toMatchObject({
      action: 'user.password-changed',
      target: { type: 'user', id: 'u-1' },
      changes: null,
    });
  });

  it('UserDisabled: active before, disabled after', () => {
    expect(normalize(eventOf(UserDisabled, {}, onUser))).toMatchObject({
      action: 'user.disabled',
      target: { type: 'user', id: 'u-1' },
      changes: { before: { status: 'active' }, after: { status: 'disabled' } },
    });
  });

  it('UserEnabled: disabled before, active after', () => {
    expect(normalize(eventOf(UserEnabled, {}, onUser))).toMatchObject({
      action: 'user.enabled',
      changes: { before: { status: 'disabled' }, after: { status: 'active' } },
    });
  });

  it('UserDeleted: the user is the target, no changes', () => {
    expect(normalize(eventOf(UserDeleted, {}, onUser))).toMatchObject({
      action: 'user.deleted',
      category: 'user-management',
      target: { type: 'user', id: 'u-1', name: null },
      changes: null,
    });
  });

  it('UserLockedOut: locked out after, until when', () => {
    const until = '2026-05-04T10:15:00.000Z';

    expect(normalize(eventOf(UserLockedOut, { userId: 'u-1', until }, onUser))).toMatchObject({
      action: 'user.locked-out',
      changes: { before: { lockedOut: false }, after: { lockedOut: true, lockedUntil: until } },
    });
  });

  it('UserUnlocked: locked out before, not after', () => {
    expect(normalize(eventOf(UserUnlocked, { userId: 'u-1' }, onUser))).toMatchObject({
      action: 'user.unlocked',
      changes: { before: { lockedOut: true }, after: { lockedOut: false } },
    });
  });
});
