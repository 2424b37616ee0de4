import { Client } from '../clients/client';
import { AuthorizeSettings } from './authorize-settings';
import { loginPage } from './html/login-page';

/** One message for every failure, so the page does not tell which usernames exist. */
export const SIGN_IN_FAILED = 'Wrong username or password, or the account is locked.';

// Bounds before any password hashing: usernames are at most 100 characters (contracts).
const MAX_USERNAME = 100;
const MAX_PASSWORD = 1024;

export interface LoginForm {
  readonly username: string;
  readonly password: string;
  /** Both present and within bounds; otherwise nobody is asked and the sign-in fails. */
  readonly complete: boolean;
}

export function readLoginForm(form: URLSearchParams): LoginForm {
  const username = form.get('username') ?? '';
  const password = form.get('password') ?? '';
  const complete =
    username !== '' &&
    password !== '' &&
    username.length <= MAX_USERNAME &&
    password.length <= MAX_PASSWORD;
  return { username: username.slice(0, MAX_USERNAME), password, complete };
}

/** The login page for `client`; after a failed attempt, with the message and the username kept. */
export function loginPageFor(
  settings: AuthorizeSettings,
  client: Client,
  csrfToken: string,
  failed?: { readonly username: string },
): string {
  return loginPage({
    appName: client.name,
    action: settings.loginAction,
    csrfToken,
    ...(failed === undefined ? {} : { username: failed.username, error: SIGN_IN_FAILED }),
  });
}
