import { OAuthError, statusOf } from './oauth-error';
import { NOT_READY_RETRY_AFTER_SECONDS, TokenOutcome, TokenResponse } from './token.service';

/** RFC 6749 §5.2 error response body. */
export interface OAuthErrorBody {
  readonly error: string;
  readonly error_description: string;
}

/**
 * Sent with every 401: RFC 6749 §5.2 requires the Basic challenge when the client used Basic, and
 * HTTP (RFC 9110 §15.5.2) a challenge with any 401; it names the scheme clients can use.
 */
export const BASIC_CHALLENGE = 'Basic realm="extapps"';

/** RFC 6749 §5.1: never cached, success or not. */
export const NO_STORE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
};

export interface TokenAnswer {
  readonly status: number;
  /** Besides NO_STORE_HEADERS and the content type. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: TokenResponse | OAuthErrorBody;
}

/** The HTTP answer to a token request, whichever way it came in (fast lane or Nest route). */
export function tokenAnswer(outcome: TokenOutcome): TokenAnswer {
  if (outcome.ok) return { status: 200, headers: {}, body: outcome.response };
  const { error } = outcome.refusal;
  const status = statusOf(error.error);
  const headers: Record<string, string> = {};
  if (status === 401) headers['www-authenticate'] = BASIC_CHALLENGE;
  if (status === 503) headers['retry-after'] = String(NOT_READY_RETRY_AFTER_SECONDS);
  return { status, headers, body: errorBody(error) };
}

/** RFC 6749 §5.2 allows only printable ASCII but `"` and `\` in the description. */
export function errorBody(error: OAuthError): OAuthErrorBody {
  return {
    error: error.error,
    error_description: error.description.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '?'),
  };
}
