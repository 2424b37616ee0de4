import { randomBytes } from 'node:crypto';

/**
 * The token service's required SIGNING_KEY_ENCRYPTION_KEY for a test's environment: a fresh key
 * per call. Spread it into `testEnv('token', ...)` or a `loadConfig(configSchema, ...)` env.
 */
export function signingKeyTestEnv(): { SIGNING_KEY_ENCRYPTION_KEY: string } {
  return { SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
}
