import { secretSchema, SecretData } from '@extapps/contracts';
import { NewSecret } from './commands';
import { Checked, refuse, valid } from './errors';
import { SecretState } from './external-app.state';

export const MAX_ACTIVE_SECRETS = 5;

/** Active: neither revoked nor expired at `now`. */
export const activeSecrets = (secrets: readonly SecretState[], now: Date) =>
  secrets.filter(
    (s) => !s.revoked && (s.expiresAt === null || Date.parse(s.expiresAt) > now.getTime()),
  );

/**
 * Checks a secret the handler generated against the app's existing ones. The contract schema is
 * reused so that no plaintext can pass as a hash, whatever the caller does.
 */
export function checkNewSecret(
  secret: NewSecret,
  existing: readonly SecretState[],
  now: Date,
  /** Where the secret sits in the command: `firstSecret.` or `` for AddSecret. */
  prefix: string,
): Checked<SecretData> {
  if (secret.expiresAt !== null && secret.expiresAt.getTime() <= now.getTime()) {
    return refuse(
      'secret-expiry-in-past',
      'the expiry must be in the future',
      `${prefix}expiresAt`,
    );
  }
  const data = secretSchema.safeParse({
    secretId: secret.secretId,
    hash: secret.hash,
    hashAlgorithm: secret.hashAlgorithm,
    description: secret.description.trim(),
    expiresAt: secret.expiresAt?.toISOString() ?? null,
  });
  if (!data.success) {
    const path = data.error.issues[0]?.path.join('.') ?? '';
    // Names the field only: the offending value might be a mishandled plaintext.
    return refuse('invalid-secret', `the secret's ${path} is malformed`, `${prefix}${path}`);
  }
  if (existing.some((s) => s.secretId === secret.secretId)) {
    return refuse(
      'secret-id-taken',
      'the app already has a secret with this id',
      `${prefix}secretId`,
    );
  }
  if (activeSecrets(existing, now).length >= MAX_ACTIVE_SECRETS) {
    return refuse(
      'too-many-secrets',
      `at most ${MAX_ACTIVE_SECRETS} active secrets; revoke one first`,
    );
  }
  return valid(data.data);
}
