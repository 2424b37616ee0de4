import { randomUUID } from 'node:crypto';
import { User } from '../user';

/** A stored user at version 1 with a hash no password matches; override what the test needs. */
export function aUser(overrides: Partial<User> = {}): User {
  const userId = overrides.userId ?? `usr-${randomUUID()}`;
  return {
    userId,
    username: `user-${userId.slice(-12)}`,
    displayName: 'Test User',
    passwordHash:
      '$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    status: 'active',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The same user at its next version with `changes`. */
export const nextVersion = (user: User, changes: Partial<User> = {}): User => ({
  ...user,
  ...changes,
  version: user.version + 1,
});
