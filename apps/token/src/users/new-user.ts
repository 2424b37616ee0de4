import { displayNameSchema, usernameSchema } from '@extapps/contracts';
import { passwordProblem } from './password-rule';
import { normalizeUsername } from './user';

export interface NewUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export type CheckedNewUser =
  | { readonly ok: true; readonly username: string; readonly displayName: string }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/**
 * Pure: the rules for a new user, for the admin API and the CLI alike. The username is taken
 * lower-cased and trimmed; the display name trimmed. The password is checked, never returned.
 */
export function checkNewUser(input: NewUserInput): CheckedNewUser {
  const username = normalizeUsername(input.username);
  const displayName = input.displayName.trim();
  const problems: FieldProblem[] = [];
  const name = usernameSchema.safeParse(username);
  if (!name.success) problems.push({ field: 'username', message: name.error.issues[0].message });
  const display = displayNameSchema.safeParse(displayName);
  if (!display.success)
    problems.push({ field: 'displayName', message: display.error.issues[0].message });
  const password = passwordProblem(input.password, username);
  if (password !== null) problems.push({ field: 'password', message: password });
  return problems.length === 0 ? { ok: true, username, displayName } : { ok: false, problems };
}
