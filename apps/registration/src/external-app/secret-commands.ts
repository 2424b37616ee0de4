import { AddSecret, RevokeSecret, WarnSecretExpiring } from './commands';
import { accept, Decision, refuse } from './errors';
import { RegisteredApp } from './external-app.state';
import { checkNewSecret } from './secrets';

export function decideSecretCommand(
  command: AddSecret | RevokeSecret | WarnSecretExpiring,
  app: RegisteredApp,
  now: Date,
): Decision {
  if (command.type === 'WarnSecretExpiring') return warnExpiring(command, app, now);
  if (command.type === 'AddSecret') {
    if (app.type === 'non-confidential') {
      return refuse('secret-not-allowed', 'a non-confidential app has no secret');
    }
    const { type: _type, ...secret } = command;
    const data = checkNewSecret(secret, app.secrets, now, '');
    return data.ok ? accept({ type: 'SecretAdded', data: data.value }) : data;
  }
  const secret = app.secrets.find((s) => s.secretId === command.secretId);
  if (!secret) return refuse('secret-not-found', 'the app has no such secret', 'secretId');
  if (secret.revoked)
    return refuse('secret-already-revoked', 'the secret is revoked already', 'secretId');
  return accept({ type: 'SecretRevoked', data: { secretId: secret.secretId } });
}

/**
 * Warns once per secret, and only while the warning is true: a revoked, already expired or
 * never-expiring secret, or one outside the window, gets no event (not an error: the expiry
 * check may race a revocation).
 */
function warnExpiring(command: WarnSecretExpiring, app: RegisteredApp, now: Date): Decision {
  const secret = app.secrets.find((s) => s.secretId === command.secretId);
  if (!secret) return refuse('secret-not-found', 'the app has no such secret', 'secretId');
  if (secret.revoked || secret.expiryWarned || secret.expiresAt === null) return accept();
  const expiresAt = Date.parse(secret.expiresAt);
  const inWindow =
    expiresAt > now.getTime() && expiresAt - now.getTime() <= command.warningWindowMs;
  if (!inWindow) return accept();
  const data = { secretId: secret.secretId, expiresAt: secret.expiresAt };
  return accept({ type: 'SecretExpiringSoon', data });
}
