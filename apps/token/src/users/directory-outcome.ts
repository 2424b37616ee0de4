import { Actor } from '@extapps/contracts';
import { FieldProblem } from './new-user';
import { UserErrorCode } from './user.decider';
import { UserView } from './user-view';

/** Who changes the directory, in which request. */
export interface ChangeContext {
  readonly actor: Actor;
  readonly correlationId: string;
}

export type DirectoryErrorCode =
  | UserErrorCode
  | 'invalid-user'
  | 'username-taken'
  | 'concurrent-modification';

export interface DirectoryError {
  readonly code: DirectoryErrorCode;
  readonly message: string;
  readonly problems?: readonly FieldProblem[];
}

export type DirectoryOutcome =
  | { readonly ok: true; readonly user: UserView }
  | { readonly ok: false; readonly error: DirectoryError };

export const failed = (
  code: DirectoryErrorCode,
  message: string,
  problems?: readonly FieldProblem[],
) => ({ ok: false, error: { code, message, ...(problems ? { problems } : {}) } }) as const;
