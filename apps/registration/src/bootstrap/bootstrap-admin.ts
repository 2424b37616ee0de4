import {
  AdminScopes,
  findScope,
  hashClientSecret,
  newEventId,
  ResourceCatalog,
} from '@extapps/contracts';
import { NewSecret } from '../external-app/commands';
import { CommandMeta } from '../external-app/commands/command-meta';
import { AppCommand } from '../external-app/commands/app-command';
import { AddSecretCommand } from '../external-app/commands/add-secret/add-secret.command';
import { RegisterExternalAppCommand } from '../external-app/commands/register-external-app/register-external-app.command';
import { activeSecrets, ExternalAppState } from '../external-app';

export const BOOTSTRAP_SECRET_ID = 'bootstrap';
export const bootstrapAppName = (clientId: string) => `Bootstrap admin (${clientId})`;

/** Every admin scope the catalog offers as an application scope (client credentials). */
export function adminApplicationScopes(catalog: ResourceCatalog): string[] {
  return Object.values(AdminScopes).filter((scope) => findScope(catalog, scope, 'application'));
}

export interface BootstrapPlanInput {
  readonly clientId: string;
  readonly secret: string;
  readonly state: ExternalAppState;
  readonly catalog: ResourceCatalog;
  readonly now: Date;
}

export type BootstrapPlan =
  | { readonly kind: 'command'; readonly command: AppCommand; readonly secretId: string }
  | { readonly kind: 'up-to-date' }
  | { readonly kind: 'deleted' };

const secretOf = (secret: string, secretId: string): NewSecret => ({
  secretId,
  hash: hashClientSecret(secret),
  hashAlgorithm: 'sha256',
  description: 'BOOTSTRAP_ADMIN_CLIENT_SECRET',
  expiresAt: null,
});

/**
 * What start-up must do for the configured bootstrap admin: register it while its stream does not
 * exist; add the configured secret when no active secret has its hash (the operator changed the
 * setting: the new secret is rotated in, the old ones stay until revoked); else nothing.
 */
export function planBootstrap(input: BootstrapPlanInput): BootstrapPlan {
  const { clientId, secret, state, catalog, now } = input;
  const meta: CommandMeta = {
    actor: { type: 'system', id: 'bootstrap' },
    correlationId: newEventId(),
    causationId: null,
  };
  if (state.status === 'unregistered') {
    const registration = {
      appId: clientId,
      name: bootstrapAppName(clientId),
      appType: 'confidential' as const,
      redirectUris: [],
      userScopes: [],
      applicationScopes: adminApplicationScopes(catalog),
      firstSecret: secretOf(secret, BOOTSTRAP_SECRET_ID),
    };
    const command = new RegisterExternalAppCommand(registration, meta);
    return { kind: 'command', command, secretId: BOOTSTRAP_SECRET_ID };
  }
  if (state.status === 'deleted') return { kind: 'deleted' };
  const hash = hashClientSecret(secret);
  if (activeSecrets(state.secrets, now).some((s) => s.hash === hash)) return { kind: 'up-to-date' };
  const secretId = `${BOOTSTRAP_SECRET_ID}-${newEventId()}`;
  const command = new AddSecretCommand(clientId, secretOf(secret, secretId), meta);
  return { kind: 'command', command, secretId };
}
