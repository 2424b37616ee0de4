import { AuthorizationRequestApproval } from '../authorize/authorization-codes';

/** RFC 6749 §4.1.2 recommends at most 10 minutes; RFC 9700 and the product ask for 60 s. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;

/** An authorization code as stored: its hash, never the code. */
export interface AuthorizationCodeRecord extends AuthorizationRequestApproval {
  /** `opaqueTokenHash` of the code. */
  readonly hash: string;
  /** The grant the code's exchange creates, known from issue on so a replay can revoke it. */
  readonly grantId: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/**
 * Where codes are kept. Single use is an insert of the code's hash under a unique `_id`, not an
 * update of the code (FerretDB 1.x updates are read-then-write and can have several winners).
 */
export interface AuthorizationCodeStore {
  save(code: AuthorizationCodeRecord): Promise<void>;
  /** The code by hash, redeemed or not; null when unknown. */
  find(hash: string): Promise<AuthorizationCodeRecord | null>;
  /** True for the first redemption of the code; false for every later one (a replay). */
  redeem(hash: string, now: Date): Promise<boolean>;
}

export const AUTHORIZATION_CODE_STORE = Symbol('AUTHORIZATION_CODE_STORE');
