import { RequestMeta } from '../grants/grant-handler';

export interface SignedInUser {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
}

/** Why a sign-in failed; the login page shows one message for all of them. */
export type SignInFailure = 'unknown-user' | 'wrong-password' | 'locked-out' | 'disabled';

export type SignInOutcome =
  | { readonly ok: true; readonly user: SignedInUser }
  | { readonly ok: false; readonly reason: SignInFailure };

/**
 * Checks an organization user's password for the login page, with lockout after repeated
 * failures. Records UserSignedIn / UserSignInFailed (and UserLockedOut) before it resolves.
 */
export interface UserSignIn {
  signIn(
    username: string,
    password: string,
    clientId: string,
    meta: RequestMeta,
    now: Date,
  ): Promise<SignInOutcome>;
}

export const USER_SIGN_IN = Symbol('USER_SIGN_IN');
