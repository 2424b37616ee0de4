import { passportJwtSecret } from 'jwks-rsa';
import type { SecretOrKeyProvider } from 'passport-jwt';

export interface JwksKeySourceOptions {
  readonly jwksUrl: string;
  /** Fetches allowed per minute for kids not in the cache (default 10). */
  readonly requestsPerMinute?: number;
  /** How long a fetched key is trusted without asking again (default 10 minutes). */
  readonly cacheMaxAgeMs?: number;
  readonly timeoutMs?: number;
}

/** The signing key for a token could not be obtained because the JWKS is unreachable or broken. */
export class SigningKeysUnavailable extends Error {
  override readonly name = 'SigningKeysUnavailable';
  constructor(cause: unknown) {
    super('The JWKS cannot be fetched.', { cause });
  }
}

/**
 * passport-jwt's key provider over jwks-rsa (per-kid cache, rate-limited fetches). A kid missing
 * from a fetched JWKS yields no key, so the token fails verification (401); a failed fetch yields
 * SigningKeysUnavailable (503). Once the rate limit is spent no fetch happens, so the answer
 * depends on the last fetch: an unknown kid is refused while the JWKS was last reachable (callers
 * inventing kids cannot turn into 503s), reported unavailable while it was not.
 */
export function jwksKeySource(options: JwksKeySourceOptions): SecretOrKeyProvider {
  const timeoutMs = options.timeoutMs ?? 5000;
  let lastFetchSucceeded = true;
  return passportJwtSecret({
    jwksUri: options.jwksUrl,
    cache: true,
    cacheMaxEntries: 16,
    cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000,
    rateLimit: true,
    jwksRequestsPerMinute: options.requestsPerMinute ?? 10,
    fetcher: async (url) => {
      try {
        const keys = await fetchJwks(url, timeoutMs);
        lastFetchSucceeded = true;
        return keys;
      } catch (error) {
        lastFetchSucceeded = false;
        throw error;
      }
    },
    handleSigningKeyError: (error, done) => {
      if (error?.name === 'SigningKeyNotFoundError') return done(null);
      if (error?.name === 'JwksRateLimitError' && lastFetchSucceeded) return done(null);
      return done(new SigningKeysUnavailable(error));
    },
  });
}

async function fetchJwks(url: string, timeoutMs: number): Promise<{ keys: unknown }> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`JWKS ${url} answered HTTP ${response.status}`);
  const body = (await response.json()) as { keys?: unknown };
  if (!Array.isArray(body?.keys)) throw new Error(`JWKS ${url} has no keys array`);
  return { keys: body.keys };
}
