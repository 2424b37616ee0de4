import { MAX_REDIRECT_URIS, REDIRECT_URI_MAX_LENGTH } from '@extapps/contracts';
import { Checked, refuse, valid } from './errors';

/** Native apps listen on a loopback port chosen at run time (RFC 8252 §7.3), so any port is fine. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
// Checked on the raw string: the URL parser would silently drop whitespace or fill in a missing
// "//", and the token service compares the raw string exactly.
const ABSOLUTE_HTTP = /^https?:\/\/[^/?#]/i;
const USERINFO = /^[a-z]+:\/\/[^/?#]*@/i;
// eslint-disable-next-line no-control-regex
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;

/** Why `uri` cannot be a redirect URI, or undefined when it can. Stored exactly as given. */
export function redirectUriProblem(uri: string): string | undefined {
  if (uri.length > REDIRECT_URI_MAX_LENGTH) return `is longer than ${REDIRECT_URI_MAX_LENGTH}`;
  if (WHITESPACE_OR_CONTROL.test(uri)) return 'contains whitespace or control characters';
  if (uri.includes('*')) return 'contains a wildcard';
  if (uri.includes('#')) return 'has a fragment';
  if (!ABSOLUTE_HTTP.test(uri)) return 'is not an absolute http(s) URI';
  if (USERINFO.test(uri)) return 'has userinfo';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'is not a valid URI';
  }
  if (url.protocol === 'https:') return undefined;
  if (LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'uses http on a host that is not loopback (127.0.0.1, [::1], localhost)';
}

/** Validates the whole list; `needed` is true when the app has user scopes. */
export function checkRedirectUris(
  uris: readonly string[],
  needed: boolean,
): Checked<readonly string[]> {
  if (uris.length > MAX_REDIRECT_URIS) {
    return refuse(
      'too-many-redirect-uris',
      `at most ${MAX_REDIRECT_URIS} redirect URIs`,
      'redirectUris',
    );
  }
  for (const [i, uri] of uris.entries()) {
    const problem = redirectUriProblem(uri);
    if (problem)
      return refuse('invalid-redirect-uri', `redirect URI ${problem}`, `redirectUris[${i}]`);
    if (uris.indexOf(uri) !== i) {
      return refuse('duplicate-redirect-uri', 'redirect URI is listed twice', `redirectUris[${i}]`);
    }
  }
  if (needed && uris.length === 0) {
    return refuse(
      'redirect-uri-required',
      'an app with user scopes needs at least one redirect URI',
      'redirectUris',
    );
  }
  return valid(uris);
}
