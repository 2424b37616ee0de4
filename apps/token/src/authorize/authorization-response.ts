import { AuthorizeError } from './authorize-error';

/** RFC 6749 §4.1.2.1 allows printable ASCII except `"` and `\` in error_description. */
const sanitize = (text: string) => text.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '?');

/**
 * The redirect URI with the response parameters added to its query (RFC 6749 §3.1.2 keeps the
 * URI's own query), `state` as received, and `iss` always (RFC 9207 §2), so the app can tell
 * which authorization server answered (mix-up attacks, RFC 9700 §4.4).
 */
function responseUri(
  redirectUri: string,
  issuer: string,
  state: string | null,
  params: Record<string, string>,
): string {
  const query = new URLSearchParams(params);
  if (state !== null) query.set('state', state);
  query.set('iss', issuer);
  const separator = !redirectUri.includes('?') ? '?' : redirectUri.endsWith('?') ? '' : '&';
  return `${redirectUri}${separator}${query.toString()}`;
}

/** What the app is told: a code (RFC 6749 §4.1.2) or an error (§4.1.2.1). */
export type AuthorizationOutcome = { readonly code: string } | { readonly error: AuthorizeError };

/** Where the browser goes with the outcome. */
export function authorizationResponseUri(
  redirectUri: string,
  issuer: string,
  state: string | null,
  outcome: AuthorizationOutcome,
): string {
  if ('code' in outcome) return responseUri(redirectUri, issuer, state, { code: outcome.code });
  const { error, description } = outcome.error;
  return responseUri(redirectUri, issuer, state, {
    error,
    error_description: sanitize(description),
  });
}
