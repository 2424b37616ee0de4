/**
 * What the authorization endpoint hands to the code store once the user has signed in and
 * consented (RFC 6749 §4.1.2): everything the token endpoint needs to bind the code to its
 * client, redirect URI and PKCE challenge (RFC 7636 §4.4).
 */
export interface AuthorizationRequestApproval {
  readonly clientId: string;
  /** Exactly as sent in the authorization request; the token request must repeat it. */
  readonly redirectUri: string;
  readonly userId: string;
  /** The granted user scopes (without `offline_access`) and their one resource. */
  readonly scopes: readonly string[];
  readonly audience: string;
  /** True when `offline_access` was granted: the code yields a refresh token too. */
  readonly offlineAccess: boolean;
  /** S256 challenge, or null (allowed for confidential apps only). */
  readonly codeChallenge: string | null;
}

/** Issues single-use authorization codes (stored hashed, valid 60 s). */
export interface AuthorizationCodeIssuer {
  /** Returns the code to put in the redirect; only its hash is kept. */
  issue(approval: AuthorizationRequestApproval, now: Date): Promise<string>;
}

export const AUTHORIZATION_CODE_ISSUER = Symbol('AUTHORIZATION_CODE_ISSUER');
