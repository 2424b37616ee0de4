import { TokenConfig } from '../config';
import { CookieScope } from './interactions/interaction-cookie';

export const AUTHORIZE_PATH = '/oauth/authorize';

/** Where the authorization pages live as the browser sees them, and how long a sign-in may take. */
export interface AuthorizeSettings {
  readonly issuer: string;
  /** Paths under the issuer (which may have a path of its own behind a proxy). */
  readonly loginAction: string;
  readonly consentPath: string;
  readonly cookie: CookieScope;
  readonly interactionTtlSeconds: number;
}

export function authorizeSettings(config: TokenConfig): AuthorizeSettings {
  const issuer = new URL(config.ISSUER);
  // The issuer never ends with "/" (config.ts), so its path is "/" or "/prefix".
  const base = issuer.pathname === '/' ? '' : issuer.pathname;
  const endpoint = `${base}${AUTHORIZE_PATH}`;
  return {
    issuer: config.ISSUER,
    loginAction: `${endpoint}/login`,
    consentPath: `${endpoint}/consent`,
    cookie: { path: endpoint, secure: issuer.protocol === 'https:' },
    interactionTtlSeconds: config.AUTHORIZATION_INTERACTION_TTL_SECONDS,
  };
}
