import { SignInGuard, User } from './user';

export interface UserPage {
  /** The last user id of the previous page; null for the first page. */
  readonly after: string | null;
  readonly limit: number;
}

/**
 * The users, one versioned record each. Exactly one writer wins each version and each username,
 * also on FerretDB, whose updates are not atomic: both rest on inserts with a unique `_id`.
 */
export interface UserStore {
  /** Stores a new user (version 1); `username-taken` when the name was ever used. */
  create(user: User): Promise<'created' | 'username-taken'>;
  get(userId: string): Promise<User | null>;
  /** `username` lower-cased. A deleted user still holds its name. */
  findByUsername(username: string): Promise<User | null>;
  /** Stores the next version (`user.version` = stored + 1); `conflict` if another took it. */
  save(user: User): Promise<'saved' | 'conflict'>;
  /** Users in user id order, after `page.after`. */
  list(page: UserPage): Promise<User[]>;
}

/**
 * Failed sign-ins per user, as numbered series: each failure claims the next number of the current
 * series exactly once, so concurrent failures are all counted and exactly one reaches the lockout
 * threshold. A reset starts a new series (after a success, a lockout or an admin's unlock).
 */
export interface SignInGuards {
  /** Lockout and a lower bound of the current series' failures; a stranger gets the empty guard. */
  guard(userId: string): Promise<SignInGuard>;
  /** Counts one failure; returns its number in the current series (1, 2, ...). */
  countFailure(userId: string): Promise<number>;
  /** Starts a new series, locked out until `lockedUntil` (null: not locked out). */
  reset(userId: string, lockedUntil: string | null): Promise<void>;
}

export const USER_STORE = Symbol('USER_STORE');
export const SIGN_IN_GUARDS = Symbol('SIGN_IN_GUARDS');
