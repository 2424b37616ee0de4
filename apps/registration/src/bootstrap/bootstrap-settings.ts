import { appIdSchema, isWellFormedClientSecret } from '@extapps/contracts';
import { Parsed } from '@extapps/platform';

export const DEFAULT_BOOTSTRAP_CLIENT_ID = 'extapps-admin';

export const NEW_SECRET_HINT = 'generate one with `npx nx run registration:new-secret`';

export function parseBootstrapClientId(raw: string): Parsed<string> {
  return appIdSchema.safeParse(raw).success
    ? { ok: true, value: raw }
    : {
        ok: false,
        reason: `expected 1-200 letters, digits, ".", "_" or "-", got ${JSON.stringify(raw)}`,
      };
}

/** The reason never repeats the value: a near-miss may still be a real secret. */
export function parseBootstrapSecret(raw: string): Parsed<string> {
  return isWellFormedClientSecret(raw)
    ? { ok: true, value: raw }
    : {
        ok: false,
        reason: `not a well-formed client secret (extapps_cs_ + 49 characters with a valid checksum); ${NEW_SECRET_HINT}`,
      };
}
