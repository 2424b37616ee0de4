import { HttpStatus } from '@nestjs/common';
import { HttpExceptionWithHeaders } from '../http/problem.filter';

/** The protection space named in every Bearer challenge (RFC 6750 §3). */
export const BEARER_REALM = 'extapps';

/** Seconds a caller should wait before retrying while the issuer's keys cannot be fetched. */
export const KEYS_UNAVAILABLE_RETRY_AFTER_SEC = 5;

const challenge = (params: Record<string, string> = {}): string =>
  ['Bearer', [['realm', BEARER_REALM], ...Object.entries(params)].map(quoted).join(', ')].join(' ');

// RFC 6750 forbids `"` and `\` in these values; ours are fixed strings and scope tokens, which
// never contain them, but strip them anyway so a header can never be malformed.
const quoted = ([name, value]: string[]): string => `${name}="${value.replace(/["\\]/g, '')}"`;

/** 401 for a request without bearer credentials: no error code (RFC 6750 §3.1). */
export function authenticationRequired(): HttpExceptionWithHeaders {
  return new HttpExceptionWithHeaders('Authentication is required.', HttpStatus.UNAUTHORIZED, {
    'www-authenticate': challenge(),
  });
}

/** 401 for a bearer token that is present but unacceptable; `detail` is safe to show the caller. */
export function invalidToken(detail: string): HttpExceptionWithHeaders {
  return new HttpExceptionWithHeaders(detail, HttpStatus.UNAUTHORIZED, {
    'www-authenticate': challenge({ error: 'invalid_token', error_description: detail }),
  });
}

/** 403 for a valid token lacking scopes; the challenge lists every scope the route needs. */
export function insufficientScope(
  required: readonly string[],
  missing: readonly string[],
): HttpExceptionWithHeaders {
  return new HttpExceptionWithHeaders(
    `The access token lacks the required scope(s): ${missing.join(' ')}.`,
    HttpStatus.FORBIDDEN,
    { 'www-authenticate': challenge({ error: 'insufficient_scope', scope: required.join(' ') }) },
  );
}

/**
 * 503 when the token's signing key cannot be fetched: the token may well be valid, and a 401 would
 * make clients drop good tokens and hammer the token service for new ones during its outage.
 */
export function signingKeysUnavailable(cause: unknown): HttpExceptionWithHeaders {
  return new HttpExceptionWithHeaders(
    'The token signing keys cannot be fetched.',
    HttpStatus.SERVICE_UNAVAILABLE,
    { 'retry-after': String(KEYS_UNAVAILABLE_RETRY_AFTER_SEC) },
    { cause },
  );
}
