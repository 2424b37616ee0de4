import { intSetting } from '@extapps/platform';
import { DEFAULT_SCRYPT, ScryptParams } from './password-hasher';
import { LockoutSettings } from './password-sign-in';

/** The user directory's settings, spread into the token service's config schema. */
export const userDirectorySettings = {
  /** Consecutive failed sign-ins that lock a user out. */
  USER_LOCKOUT_THRESHOLD: intSetting(1, 100, 5),
  USER_LOCKOUT_MINUTES: intSetting(1, 1_440, 15),
  /** scrypt cost of new password hashes, as log2(N); stored hashes keep their own. */
  PASSWORD_SCRYPT_LOG2N: intSetting(14, 20, DEFAULT_SCRYPT.log2N),
};

export interface UserDirectoryConfig {
  readonly USER_LOCKOUT_THRESHOLD: number;
  readonly USER_LOCKOUT_MINUTES: number;
  readonly PASSWORD_SCRYPT_LOG2N: number;
}

export const lockoutOf = (config: UserDirectoryConfig): LockoutSettings => ({
  threshold: config.USER_LOCKOUT_THRESHOLD,
  durationMs: config.USER_LOCKOUT_MINUTES * 60_000,
});

export const scryptOf = (
  config: Pick<UserDirectoryConfig, 'PASSWORD_SCRYPT_LOG2N'>,
): ScryptParams => ({
  ...DEFAULT_SCRYPT,
  log2N: config.PASSWORD_SCRYPT_LOG2N,
});
