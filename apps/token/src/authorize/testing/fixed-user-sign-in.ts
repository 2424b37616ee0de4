import { RequestMeta } from '../../grants/grant-handler';
import { SignedInUser, SignInOutcome, UserSignIn } from '../../users/user-sign-in';

/** Unit tests: users with fixed passwords; `locked` usernames always fail. Keeps every attempt. */
export class FixedUserSignIn implements UserSignIn {
  readonly attempts: { username: string; clientId: string; meta: RequestMeta }[] = [];
  readonly locked = new Set<string>();
  private readonly users = new Map<string, { user: SignedInUser; password: string }>();

  add(user: SignedInUser, password: string): this {
    this.users.set(user.username, { user, password });
    return this;
  }

  signIn(
    username: string,
    password: string,
    clientId: string,
    meta: RequestMeta,
  ): Promise<SignInOutcome> {
    this.attempts.push({ username, clientId, meta });
    const found = this.users.get(username);
    if (!found) return Promise.resolve({ ok: false, reason: 'unknown-user' });
    if (this.locked.has(username)) return Promise.resolve({ ok: false, reason: 'locked-out' });
    if (found.password !== password)
      return Promise.resolve({ ok: false, reason: 'wrong-password' });
    return Promise.resolve({ ok: true, user: found.user });
  }
}
