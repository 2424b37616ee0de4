/** RFC 6749 §4.1.2.1 error codes this endpoint sends back, plus `invalid_target` (RFC 8707 §2). */
export type AuthorizeErrorCode =
  | 'invalid_request'
  | 'unauthorized_client'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'invalid_target'
  | 'temporarily_unavailable';

/** An error returned to the app through its redirect URI. */
export interface AuthorizeError {
  readonly error: AuthorizeErrorCode;
  readonly description: string;
}

export const authorizeError = (error: AuthorizeErrorCode, description: string): AuthorizeError => ({
  error,
  description,
});

/**
 * Why a request cannot be answered through its redirect URI (RFC 6749 §4.1.2.1: the client or
 * the redirect URI is missing or invalid). These end on the error page.
 */
export type UntrustedReason =
  | 'missing-client-id'
  | 'duplicate-client-id'
  | 'unknown-client'
  | 'inactive-client'
  | 'missing-redirect-uri'
  | 'duplicate-redirect-uri'
  | 'unregistered-redirect-uri';

/** What the error page tells the user; it never echoes the values that were sent. */
export function untrustedMessage(reason: UntrustedReason): string {
  switch (reason) {
    case 'missing-client-id':
    case 'duplicate-client-id':
      return 'The sign-in link does not name exactly one application.';
    case 'unknown-client':
    case 'inactive-client':
      return 'The application that sent you here is not registered, or is disabled.';
    case 'missing-redirect-uri':
    case 'duplicate-redirect-uri':
      return 'The sign-in link does not say exactly where to return to (redirect_uri).';
    case 'unregistered-redirect-uri':
      return 'The address to return to is not registered for this application.';
    default: {
      const unexpected: never = reason;
      throw new Error(`unknown reason ${String(unexpected)}`);
    }
  }
}
