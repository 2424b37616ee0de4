import { z } from 'zod';
import type { JwtAuthenticatorOptions } from '../auth/jwt-authenticator';
import { Parsed, setting } from './settings';

export interface AuthDefaults {
  /** The token service's issuer URL, e.g. `http://localhost:3002`. */
  readonly defaultIssuer: string;
  /** The audience tokens for this service carry, e.g. `extapps-admin`. */
  readonly defaultAudience: string;
}

/**
 * Settings for verifying bearer tokens, to spread into a service schema:
 * `baseConfigSchema(...).extend({ ...authSettings({ defaultIssuer, defaultAudience }) })`.
 * AUTH_JWKS_URL defaults to the issuer's well-known JWKS, which a field cannot derive from its
 * sibling: read it with `jwksUrlOf(config)`.
 */
export function authSettings(defaults: AuthDefaults) {
  return {
    AUTH_ISSUER: setting(parseIssuer, defaults.defaultIssuer),
    AUTH_JWKS_URL: optionalSetting(parseJwksUrl),
    AUTH_AUDIENCE: setting(parseAudience, defaults.defaultAudience),
  };
}

export interface AuthSettings {
  readonly AUTH_ISSUER: string;
  readonly AUTH_JWKS_URL?: string | undefined;
  readonly AUTH_AUDIENCE: string;
}

/** AUTH_JWKS_URL, or `<issuer>/.well-known/jwks.json` (kept under an issuer with a path). */
export function jwksUrlOf(config: AuthSettings): string {
  if (config.AUTH_JWKS_URL) return config.AUTH_JWKS_URL;
  const base = config.AUTH_ISSUER.endsWith('/') ? config.AUTH_ISSUER : `${config.AUTH_ISSUER}/`;
  return new URL('.well-known/jwks.json', base).toString();
}

/** The JwtAuthenticator options these settings describe. */
export function jwtAuthenticatorOptionsOf(config: AuthSettings): JwtAuthenticatorOptions {
  return {
    issuer: config.AUTH_ISSUER,
    jwksUrl: jwksUrlOf(config),
    audience: config.AUTH_AUDIENCE,
  };
}

/** Like `setting`, but unset (or blank) stays undefined instead of being required. */
function optionalSetting<T>(parse: (raw: string) => Parsed<T>): z.ZodType<T | undefined> {
  return z
    .string()
    .optional()
    .transform((input, ctx): T | undefined => {
      const raw = input?.trim();
      if (raw === undefined || raw === '') return undefined;
      const parsed = parse(raw);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    });
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

function parseHttpUrl(raw: string): Parsed<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(`expected an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail(`expected an http(s) URL, got ${JSON.stringify(raw)}`);
  // Credentials would be repeated in logs and error messages; nothing here needs them.
  if (url.username || url.password) return fail('expected a URL without credentials');
  if (url.hash) return fail(`expected a URL without a fragment, got ${JSON.stringify(raw)}`);
  return ok(url);
}

/** Kept as written: `iss` is compared as an exact string (RFC 9068 §4), not as a URL. */
function parseIssuer(raw: string): Parsed<string> {
  const url = parseHttpUrl(raw);
  if (!url.ok) return url;
  return url.value.search
    ? fail(`expected an issuer URL without a query, got ${JSON.stringify(raw)}`)
    : ok(raw);
}

function parseJwksUrl(raw: string): Parsed<string> {
  const url = parseHttpUrl(raw);
  return url.ok ? ok(url.value.toString()) : url;
}

function parseAudience(raw: string): Parsed<string> {
  return /^\S+$/.test(raw)
    ? ok(raw)
    : fail(`expected one audience without spaces, got ${JSON.stringify(raw)}`);
}
