import { TokenEventPayload } from '../events/token-event-sink';
import { User } from './user';

/** What may happen to a user; each accepted change emits one user directory event. */
export type UserCommand =
  | {
      readonly type: 'CreateUser';
      readonly userId: string;
      readonly username: string;
      readonly displayName: string;
      readonly passwordHash: string;
    }
  | { readonly type: 'ChangePassword'; readonly passwordHash: string }
  | { readonly type: 'DisableUser' }
  | { readonly type: 'EnableUser' }
  | { readonly type: 'DeleteUser' }
  /** Too many failed sign-ins: the directory records the lockout the guard enforces. */
  | { readonly type: 'RecordLockout'; readonly until: string }
  | { readonly type: 'RecordUnlock' };

export type UserErrorCode = 'user-exists' | 'user-not-found' | 'user-deleted' | 'user-not-active';

export interface UserError {
  readonly code: UserErrorCode;
  readonly message: string;
}

/** The user after the command and its event; `event` null (and the user unchanged) for a no-op. */
export type UserDecision =
  | { readonly ok: true; readonly user: User; readonly event: TokenEventPayload | null }
  | { readonly ok: false; readonly error: UserError };

const refuse = (code: UserErrorCode, message: string): UserDecision => ({
  ok: false,
  error: { code, message },
});

const unchanged = (user: User): UserDecision => ({ ok: true, user, event: null });

/** Pure: the user directory's rules. `now` stamps `updatedAt`. */
export function decide(command: UserCommand, state: User | null, now: Date): UserDecision {
  if (command.type === 'CreateUser') return create(command, state, now);
  if (state === null) return refuse('user-not-found', 'No user has this id.');
  const changed = (changes: Partial<User>, event: TokenEventPayload): UserDecision => ({
    ok: true,
    user: { ...state, ...changes, version: state.version + 1, updatedAt: now.toISOString() },
    event,
  });
  const deleted = () => refuse('user-deleted', 'The user is deleted.');
  switch (command.type) {
    case 'ChangePassword':
      if (state.status === 'deleted') return deleted();
      return changed(
        { passwordHash: command.passwordHash },
        { type: 'UserPasswordChanged', data: { userId: state.userId } },
      );
    case 'DisableUser':
      if (state.status === 'deleted') return deleted();
      if (state.status === 'disabled') return unchanged(state);
      return changed({ status: 'disabled' }, { type: 'UserDisabled', data: {} });
    case 'EnableUser':
      if (state.status === 'deleted') return deleted();
      if (state.status === 'active') return unchanged(state);
      return changed({ status: 'active' }, { type: 'UserEnabled', data: {} });
    case 'DeleteUser':
      if (state.status === 'deleted') return unchanged(state);
      // A deleted user keeps no password hash: nothing is left to crack or to sign in with.
      return changed({ status: 'deleted', passwordHash: '' }, { type: 'UserDeleted', data: {} });
    case 'RecordLockout':
      if (state.status !== 'active') return refuse('user-not-active', 'The user is not active.');
      return changed(
        {},
        { type: 'UserLockedOut', data: { userId: state.userId, until: command.until } },
      );
    case 'RecordUnlock':
      if (state.status === 'deleted') return deleted();
      return changed({}, { type: 'UserUnlocked', data: { userId: state.userId } });
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled user command ${JSON.stringify(unhandled)}`);
    }
  }
}

function create(
  command: Extract<UserCommand, { type: 'CreateUser' }>,
  state: User | null,
  now: Date,
): UserDecision {
  if (state !== null) return refuse('user-exists', 'A user with this id exists.');
  const { userId, username, displayName, passwordHash } = command;
  const at = now.toISOString();
  return {
    ok: true,
    user: {
      userId,
      username,
      displayName,
      passwordHash,
      status: 'active',
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
    event: { type: 'UserCreated', data: { userId, username, displayName } },
  };
}
