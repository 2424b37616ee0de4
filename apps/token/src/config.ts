import { baseConfigSchema, intSetting, Parsed, setting } from '@extapps/platform';
import { z } from 'zod';

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
  /** Lifetime of access tokens (`expires_in`, `exp - iat`). */
  ACCESS_TOKEN_TTL_SECONDS: intSetting(1, 86_400, 3_600),
});

export type TokenConfig = z.output<typeof configSchema>;
