import { SignInGuard, User, UserStatus } from './user';

/** A user as the admin API shows it: never the password hash. */
export interface UserView {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly status: UserStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Sign-ins are refused until then; null when not locked out (or the lockout is over). */
  readonly lockedUntil: string | null;
}

export function userView(user: User, guard: SignInGuard, now: Date): UserView {
  const { userId, username, displayName, status, version, createdAt, updatedAt } = user;
  const locked = guard.lockedUntil !== null && Date.parse(guard.lockedUntil) > now.getTime();
  return {
    userId,
    username,
    displayName,
    status,
    version,
    createdAt,
    updatedAt,
    lockedUntil: locked ? guard.lockedUntil : null,
  };
}
