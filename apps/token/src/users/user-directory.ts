import { v7 as uuidv7 } from 'uuid';
import { Clock } from '@extapps/contracts';
import { Logger } from 'pino';
import { TokenEventPayload, TokenEventSink } from '../events/token-event-sink';
import { checkNewUser, NewUserInput } from './new-user';
import { ChangeContext, DirectoryOutcome, failed } from './directory-outcome';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-rule';
import { decide, UserCommand } from './user.decider';
import { User } from './user';
import { SignInGuards, UserStore } from './user-store';
import { userView, UserView } from './user-view';

export type { ChangeContext, DirectoryError, DirectoryOutcome } from './directory-outcome';

export interface UserDirectoryDeps {
  readonly users: UserStore;
  readonly guards: SignInGuards;
  readonly events: TokenEventSink;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** A change that lost its version to another this many times in a row is reported, not retried. */
const MAX_ATTEMPTS = 3;
/**
 * The organization user directory: every change (admin API, CLI, lockout) is decided by the pure
 * rules, stored as the user's next version and recorded as its event, stream id = user id and
 * `streamVersion` = the version, before the caller hears of it.
 */
export class UserDirectory {
  constructor(private readonly deps: UserDirectoryDeps) {}

  async create(input: NewUserInput, context: ChangeContext): Promise<DirectoryOutcome> {
    const checked = checkNewUser(input);
    if (!checked.ok)
      return failed('invalid-user', 'The user is invalid; see errors.', checked.problems);
    const passwordHash = await this.deps.hasher.hash(input.password);
    const command: UserCommand = { type: 'CreateUser', userId: uuidv7(), passwordHash, ...checked };
    const decision = decide(command, null, this.deps.clock.now());
    if (!decision.ok) return failed(decision.error.code, decision.error.message);
    if ((await this.deps.users.create(decision.user)) === 'username-taken')
      return failed('username-taken', `The username ${checked.username} is taken.`, [
        { field: 'username', message: 'is taken (usernames are never reused)' },
      ]);
    await this.record(decision.user, decision.event, context);
    return this.viewed(decision.user);
  }

  /** An admin's password reset; it also ends a lockout, which guarded the old password. */
  async changePassword(
    userId: string,
    password: string,
    context: ChangeContext,
  ): Promise<DirectoryOutcome> {
    const user = await this.deps.users.get(userId);
    if (!user) return failed('user-not-found', 'No user has this id.');
    const problem = passwordProblem(password, user.username);
    if (problem !== null)
      return failed('invalid-user', 'The password is invalid; see errors.', [
        { field: 'password', message: problem },
      ]);
    const passwordHash = await this.deps.hasher.hash(password);
    const outcome = await this.change(userId, { type: 'ChangePassword', passwordHash }, context);
    if (outcome.ok) await this.deps.guards.reset(userId, null);
    return outcome.ok ? this.viewed(await this.current(userId)) : outcome;
  }

  disable(userId: string, context: ChangeContext): Promise<DirectoryOutcome> {
    return this.change(userId, { type: 'DisableUser' }, context);
  }

  enable(userId: string, context: ChangeContext): Promise<DirectoryOutcome> {
    return this.change(userId, { type: 'EnableUser' }, context);
  }

  delete(userId: string, context: ChangeContext): Promise<DirectoryOutcome> {
    return this.change(userId, { type: 'DeleteUser' }, context);
  }

  /** Too many failed sign-ins; called by the sign-in with the lockout's end. */
  lockOut(userId: string, until: Date, context: ChangeContext): Promise<DirectoryOutcome> {
    return this.change(userId, { type: 'RecordLockout', until: until.toISOString() }, context);
  }

  /**
   * Ends a lockout early (UserUnlocked) and starts a new failure series. A user who is not locked
   * out only gets the new series: there is no lockout to end, so no event.
   */
  async unlock(userId: string, context: ChangeContext): Promise<DirectoryOutcome> {
    const user = await this.deps.users.get(userId);
    if (!user) return failed('user-not-found', 'No user has this id.');
    if (user.status === 'deleted') return failed('user-deleted', 'The user is deleted.');
    const { lockedUntil } = await this.deps.guards.guard(userId);
    const locked =
      lockedUntil !== null && Date.parse(lockedUntil) > this.deps.clock.now().getTime();
    await this.deps.guards.reset(userId, null);
    if (!locked) return this.viewed(user);
    return this.change(userId, { type: 'RecordUnlock' }, context);
  }

  async get(userId: string): Promise<UserView | null> {
    const user = await this.deps.users.get(userId);
    return user ? (await this.viewed(user)).user : null;
  }

  /** A page in user id order (UUID v7: creation order), and where the next one starts. */
  async list(
    after: string | null,
    limit: number,
  ): Promise<{ items: UserView[]; next: string | null }> {
    const page = await this.deps.users.list({ after, limit: limit + 1 });
    const items = await Promise.all(
      page.slice(0, limit).map(async (u) => (await this.viewed(u)).user),
    );
    return { items, next: page.length > limit ? (items.at(-1)?.userId ?? null) : null };
  }

  private async change(
    userId: string,
    command: UserCommand,
    context: ChangeContext,
  ): Promise<DirectoryOutcome> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const decision = decide(command, await this.deps.users.get(userId), this.deps.clock.now());
      if (!decision.ok) return failed(decision.error.code, decision.error.message);
      if (decision.event === null) return this.viewed(decision.user);
      if ((await this.deps.users.save(decision.user)) === 'conflict') continue;
      await this.record(decision.user, decision.event, context);
      return this.viewed(decision.user);
    }
    return failed('concurrent-modification', 'The user kept changing meanwhile; try again.');
  }

  private async record(
    user: User,
    event: TokenEventPayload | null,
    context: ChangeContext,
  ): Promise<void> {
    if (event === null) return;
    await this.deps.events.record(
      [{ streamId: user.userId, streamVersion: user.version, payload: event }],
      { ...context, occurredAt: new Date(user.updatedAt) },
    );
  }

  private async current(userId: string): Promise<User> {
    const user = await this.deps.users.get(userId);
    if (!user) throw new Error(`user ${userId} vanished after a change`);
    return user;
  }

  private async viewed(user: User): Promise<{ ok: true; user: UserView }> {
    const guard = await this.deps.guards.guard(user.userId);
    return { ok: true, user: userView(user, guard, this.deps.clock.now()) };
  }
}
