/**
 * Token, introspection and revocation endpoint error codes: RFC 6749 §5.2, `invalid_target`
 * (RFC 8707 §2), `unsupported_token_type` (RFC 7009 §2.2.1), and `temporarily_unavailable`
 * (RFC 6749 §4.1.2.1) while the client table is still loading.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_token_type'
  | 'invalid_scope'
  | 'invalid_target'
  | 'temporarily_unavailable';

/** An error as sent to the client: the description is for its developer and never names a secret. */
export interface OAuthError {
  readonly error: OAuthErrorCode;
  readonly description: string;
}

export const oauthError = (error: OAuthErrorCode, description: string): OAuthError => ({
  error,
  description,
});

/** RFC 6749 §5.2: 400, except failed client authentication (401) and a service not ready (503). */
export function statusOf(code: OAuthErrorCode): number {
  switch (code) {
    case 'invalid_client':
      return 401;
    case 'temporarily_unavailable':
      return 503;
    case 'invalid_request':
    case 'invalid_grant':
    case 'unsupported_token_type':
    case 'unauthorized_client':
    case 'unsupported_grant_type':
    case 'invalid_scope':
    case 'invalid_target':
      return 400;
    default: {
      const unexpected: never = code;
      throw new Error(`unknown OAuth error ${String(unexpected)}`);
    }
  }
}

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: OAuthError };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = <T = never>(code: OAuthErrorCode, description: string): Outcome<T> => ({
  ok: false,
  error: oauthError(code, description),
});
