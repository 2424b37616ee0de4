export type UserStatus = 'active' | 'disabled' | 'deleted';

/**
 * An organization user of the directory, as stored. `version` counts the changes that emitted a
 * user directory event; it is the `streamVersion` of that event (stream id = user id).
 * Instants are ISO 8601 UTC strings, as in the events.
 */
export interface User {
  readonly userId: string;
  /** Lower-case, unique for ever: a deleted user's name is never given to another. */
  readonly username: string;
  readonly displayName: string;
  /** `$scrypt$…` (see password-hasher.ts); never leaves the service. */
  readonly passwordHash: string;
  readonly status: UserStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Sign-in bookkeeping of one user, kept beside the versioned record: counting failures is not a
 * directory change. `failures` is a lower bound of the current series (see SignInGuards).
 */
export interface SignInGuard {
  readonly lockedUntil: string | null;
  readonly failures: number;
}

/** Sign-in names are compared lower-cased and without surrounding blanks. */
export const normalizeUsername = (raw: string): string => raw.trim().toLowerCase();
