import { SignInGuard, User } from '../user';
import { SignInGuards, UserPage, UserStore } from '../user-store';

/** Unit tests only: the UserStore contract in a map. */
export class InMemoryUserStore implements UserStore {
  private readonly users = new Map<string, User>();
  private readonly usernames = new Map<string, string>();

  create(user: User): Promise<'created' | 'username-taken'> {
    if (this.usernames.has(user.username)) return Promise.resolve('username-taken');
    this.usernames.set(user.username, user.userId);
    this.users.set(user.userId, user);
    return Promise.resolve('created');
  }

  get(userId: string): Promise<User | null> {
    return Promise.resolve(this.users.get(userId) ?? null);
  }

  findByUsername(username: string): Promise<User | null> {
    const userId = this.usernames.get(username);
    return this.get(userId ?? '');
  }

  save(user: User): Promise<'saved' | 'conflict'> {
    const stored = this.users.get(user.userId);
    if (!stored || stored.version !== user.version - 1) return Promise.resolve('conflict');
    this.users.set(user.userId, user);
    return Promise.resolve('saved');
  }

  list(page: UserPage): Promise<User[]> {
    const after = page.after;
    const ids = [...this.users.keys()].filter((id) => after === null || id > after).sort();
    return Promise.resolve(ids.slice(0, page.limit).map((id) => this.users.get(id) as User));
  }
}

/** Unit tests only: the SignInGuards contract in a map. */
export class InMemorySignInGuards implements SignInGuards {
  private readonly guards = new Map<string, SignInGuard>();

  guard(userId: string): Promise<SignInGuard> {
    return Promise.resolve(this.guards.get(userId) ?? { lockedUntil: null, failures: 0 });
  }

  countFailure(userId: string): Promise<number> {
    const current = this.guards.get(userId) ?? { lockedUntil: null, failures: 0 };
    const failures = current.failures + 1;
    this.guards.set(userId, { ...current, failures });
    return Promise.resolve(failures);
  }

  reset(userId: string, lockedUntil: string | null): Promise<void> {
    this.guards.set(userId, { lockedUntil, failures: 0 });
    return Promise.resolve();
  }
}
