import { RANDOM_TOKEN } from './interaction';

export const INTERACTION_COOKIE = 'extapps_authorize';

export interface CookieScope {
  /** The authorization endpoint's path under the issuer: the cookie goes nowhere else. */
  readonly path: string;
  /** Set when the issuer is https. */
  readonly secure: boolean;
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (sent on the top-level navigation from the app and
 * on this site's own form posts, not on another site's posts), limited to the endpoint's path.
 */
export function interactionCookie(id: string, scope: CookieScope, maxAgeSeconds: number): string {
  return [
    `${INTERACTION_COOKIE}=${id}`,
    `Path=${scope.path}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(scope.secure ? ['Secure'] : []),
  ].join('; ');
}

export const clearedInteractionCookie = (scope: CookieScope): string =>
  interactionCookie('', scope, 0);

/** The interaction id from a Cookie header, if it holds a well-formed one. */
export function interactionIdOf(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, value] = pair.trim().split('=', 2);
    if (name === INTERACTION_COOKIE && value !== undefined && RANDOM_TOKEN.test(value))
      return value;
  }
  return undefined;
}
