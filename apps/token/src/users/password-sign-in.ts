import { Actor, usernameSchema } from '@extapps/contracts';
import { TokenEventRecord, TokenEventSink } from '../events/token-event-sink';
import { RequestMeta } from '../grants/grant-handler';
import { PasswordHasher } from './password-hasher';
import { normalizeUsername, User } from './user';
import { UserDirectory } from './user-directory';
import { SignInGuards, UserStore } from './user-store';
import { SignInFailure, SignInOutcome, UserSignIn } from './user-sign-in';

export interface LockoutSettings {
  /** Consecutive failed sign-ins that lock a user out. */
  readonly threshold: number;
  readonly durationMs: number;
}

export interface PasswordSignInDeps {
  readonly users: UserStore;
  readonly guards: SignInGuards;
  readonly directory: UserDirectory;
  readonly hasher: PasswordHasher;
  readonly events: TokenEventSink;
  readonly lockout: LockoutSettings;
}

/** The stream of sign-in failures for names no user holds; the typed name is never recorded. */
const UNKNOWN_USER_STREAM = 'unknown-user';

/**
 * Password sign-in for the login page. Every refusal costs one scrypt verification (a dummy one
 * when there is no usable user), so timing tells no one which usernames exist, are disabled or
 * are locked out. A locked-out user is refused without the password being checked.
 */
export class PasswordSignIn implements UserSignIn {
  constructor(private readonly deps: PasswordSignInDeps) {}

  async signIn(
    username: string,
    password: string,
    clientId: string,
    meta: RequestMeta,
    now: Date,
  ): Promise<SignInOutcome> {
    const name = normalizeUsername(username);
    // A name no user could hold is not looked up (nor is a pasted password sent to the store).
    const user = usernameSchema.safeParse(name).success
      ? await this.deps.users.findByUsername(name)
      : null;
    if (!user) return this.refuse(null, 'unknown-user', password, clientId, meta, now);
    // A deleted user can no more sign in than a disabled one.
    if (user.status !== 'active')
      return this.refuse(user, 'disabled', password, clientId, meta, now);
    const guard = await this.deps.guards.guard(user.userId);
    if (guard.lockedUntil !== null && Date.parse(guard.lockedUntil) > now.getTime())
      return this.refuse(user, 'locked-out', password, clientId, meta, now);
    if (!(await this.deps.hasher.verify(password, user.passwordHash)))
      return this.wrongPassword(user, clientId, meta, now);
    if (guard.failures > 0) await this.deps.guards.reset(user.userId, null);
    const { userId, displayName } = user;
    await this.record(
      { type: 'UserSignedIn', data: { userId, username: user.username, clientId } },
      userId,
      meta,
      now,
    );
    return { ok: true, user: { userId, username: user.username, displayName } };
  }

  private async refuse(
    user: User | null,
    reason: SignInFailure,
    password: string,
    clientId: string,
    meta: RequestMeta,
    now: Date,
  ): Promise<SignInOutcome> {
    await this.deps.hasher.verifyDummy(password);
    const userId = user?.userId ?? null;
    await this.record(
      { type: 'UserSignInFailed', data: { userId, clientId, reason } },
      userId,
      meta,
      now,
    );
    return { ok: false, reason };
  }

  /**
   * Counts the failure; the one that reaches the threshold locks the user out. The count is taken
   * modulo the threshold so that a series left running (a reset lost in a crash) locks again.
   */
  private async wrongPassword(
    user: User,
    clientId: string,
    meta: RequestMeta,
    now: Date,
  ): Promise<SignInOutcome> {
    const { userId } = user;
    const failures = await this.deps.guards.countFailure(userId);
    await this.record(
      { type: 'UserSignInFailed', data: { userId, clientId, reason: 'wrong-password' } },
      userId,
      meta,
      now,
    );
    if (failures % this.deps.lockout.threshold === 0) {
      const until = new Date(now.getTime() + this.deps.lockout.durationMs);
      await this.deps.guards.reset(userId, until.toISOString());
      await this.deps.directory.lockOut(userId, until, contextOf(userId, meta));
    }
    return { ok: false, reason: 'wrong-password' };
  }

  private record(
    payload: TokenEventRecord['payload'],
    userId: string | null,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    const streamId = userId ?? UNKNOWN_USER_STREAM;
    return this.deps.events.record([{ streamId, payload }], {
      ...contextOf(streamId, meta),
      occurredAt: now,
    });
  }
}

function contextOf(actorId: string, meta: RequestMeta): { actor: Actor; correlationId: string } {
  const userAgent = meta.userAgent === undefined ? {} : { userAgent: meta.userAgent.slice(0, 512) };
  return {
    actor: { type: 'user', id: actorId, ip: meta.ip.slice(0, 64), ...userAgent },
    correlationId: meta.correlationId,
  };
}
