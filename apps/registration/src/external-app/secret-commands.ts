import { AddSecret, RevokeSecret } from './commands';
import { accept, Decision, refuse } from './errors';
import { RegisteredApp } from './external-app.state';
import { checkNewSecret } from './secrets';

export function decideSecretCommand(
  command: AddSecret | RevokeSecret,
  app: RegisteredApp,
  now: Date,
): Decision {
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
