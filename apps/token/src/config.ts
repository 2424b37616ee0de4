import {
  baseConfigSchema,
  CatalogFile,
  intSetting,
  parseCatalogFile,
  Parsed,
  setting,
} from '@extapps/platform';
import { z } from 'zod';
import { tokenEventSettings } from './events/token-events-settings';
import { clientAuthThrottleSettings } from './client-auth/client-auth-throttle.settings';
import { userDirectorySettings } from './users/user-settings';
import { encryptionKeySetting } from './keys/encryption-key';
import {
  DEFAULT_ROTATION_HOURS,
  MAX_ROTATION_HOURS,
  MIN_ROTATION_HOURS,
} from './keys/key-schedule';

export const SERVICE_NAME = 'token';

/**
 * RFC 8414 §2: an https URL (http allowed here for local stacks) without query or fragment. It is
 * kept exactly as written, because resource servers compare `iss` as a string; a trailing slash is
 * refused rather than silently dropped, so the configured value is the one in every token.
 */
export function parseIssuer(raw: string): Parsed<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `expected an absolute http(s) URL, got ${JSON.stringify(raw)}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: 'expected an https (or http) URL' };
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#'))
    return { ok: false, reason: 'must have no query and no fragment' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'must carry no credentials' };
  if (raw.endsWith('/')) return { ok: false, reason: 'must not end with "/"' };
  return { ok: true, value: raw };
}

export const configSchema = baseConfigSchema({
  name: SERVICE_NAME,
  defaultPort: 3002,
}).extend({
  /** The `issuer` of the metadata and the `iss` of every token; endpoints are published under it. */
  ISSUER: setting(parseIssuer, 'http://localhost:3002'),
  /** The same catalog file as the registration service's: scope descriptions and scopes_supported. */
  RESOURCE_CATALOG_FILE: setting<CatalogFile | null>(parseCatalogFile, null),
  /** Lifetime of access tokens (`expires_in`, `exp - iat`). */
  ACCESS_TOKEN_TTL_SECONDS: intSetting(1, 86_400, 3_600),
  /** Lifetime of each refresh token (30 days); rotation issues the next with a fresh lifetime. */
  REFRESH_TOKEN_TTL_SECONDS: intSetting(60, 31_536_000, 2_592_000),
  /** AES-256 key (base64/base64url of 32 bytes) that encrypts the stored signing keys; required. */
  SIGNING_KEY_ENCRYPTION_KEY: encryptionKeySetting(),
  /** How long each signing key signs before the next one takes over (keys/key-schedule.ts). */
  SIGNING_KEY_ROTATION_HOURS: intSetting(
    MIN_ROTATION_HOURS,
    MAX_ROTATION_HOURS,
    DEFAULT_ROTATION_HOURS,
  ),
  /** How often every instance reloads the signing keys from MongoDB. */
  SIGNING_KEY_REFRESH_SECONDS: intSetting(1, 600, 60),
  /** How long a user has for each step of the login and consent pages (authorize/). */
  AUTHORIZATION_INTERACTION_TTL_SECONDS: intSetting(60, 3_600, 600),
  ...tokenEventSettings,
  ...clientAuthThrottleSettings,
  ...userDirectorySettings,
});

export type TokenConfig = z.output<typeof configSchema>;
