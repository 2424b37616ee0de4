import { ManualClock } from '@extapps/testing';
import pino from 'pino';
import { RecordingTokenEventSink } from '../../events/testing/recording-token-event-sink';
import { PasswordHasher } from '../password-hasher';
import { LockoutSettings, PasswordSignIn } from '../password-sign-in';
import { ChangeContext, UserDirectory } from '../user-directory';
import { InMemorySignInGuards, InMemoryUserStore } from './in-memory-users';

/** scrypt at 1 MiB: the rules are the same, the tests fast. Never for real passwords. */
export const CHEAP_SCRYPT = { log2N: 10, r: 8, p: 1 };

export const admin: ChangeContext = {
  actor: { type: 'app', id: 'admin-app', ip: '203.0.113.1' },
  correlationId: 'corr-admin',
};

/** The directory and the sign-in over in-memory stores, a recording sink and a manual clock. */
export function directoryFixture(lockout: LockoutSettings = { threshold: 3, durationMs: 900_000 }) {
  const clock = new ManualClock('2026-02-01T10:00:00.000Z');
  const events = new RecordingTokenEventSink();
  const users = new InMemoryUserStore();
  const guards = new InMemorySignInGuards();
  const hasher = new PasswordHasher(CHEAP_SCRYPT);
  const logger = pino({ level: 'silent' });
  const directory = new UserDirectory({ users, guards, events, hasher, clock, logger });
  const signIn = new PasswordSignIn({ users, guards, directory, hasher, events, lockout });
  return { clock, events, users, guards, hasher, directory, signIn };
}
