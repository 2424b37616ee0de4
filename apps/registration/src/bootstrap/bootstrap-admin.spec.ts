import { AdminScopes, DEFAULT_RESOURCE_CATALOG, hashClientSecret } from '@extapps/contracts';
import { rebuild } from '../external-app';
import { AddSecretCommand } from '../external-app/commands/add-secret/add-secret.command';
import { RegisterExternalAppCommand } from '../external-app/commands/register-external-app/register-external-app.command';
import { catalog, given, newSecret, NOW } from '../external-app/testing/fixtures';
import { adminApplicationScopes, planBootstrap } from './bootstrap-admin';

const secret = 'extapps_cs_configured';
const input = { clientId: 'extapps-admin', secret, catalog: DEFAULT_RESOURCE_CATALOG, now: NOW };

/** The bootstrap app's stream as the decider builds it, with the given first secret hash. */
const bootstrapped = (hash: string, ...more: Parameters<typeof given>) =>
  rebuild(
    given(
      {
        type: 'RegisterExternalApp',
        appId: 'extapps-admin',
        name: 'Bootstrap admin',
        appType: 'confidential',
        redirectUris: [],
        userScopes: [],
        applicationScopes: [],
        firstSecret: { ...newSecret(1), secretId: 'bootstrap', hash },
      },
      ...more,
    ).events,
  );

describe('planBootstrap', () => {
  it('given no app, then registers it as a system with every admin application scope', () => {
    const plan = planBootstrap({ ...input, state: { status: 'unregistered' } });

    expect(plan.kind).toBe('command');
    const command = plan.kind === 'command' ? plan.command : null;
    expect(command).toBeInstanceOf(RegisterExternalAppCommand);
    expect(command?.meta.actor).toEqual({ type: 'system', id: 'bootstrap' });
    expect((command as RegisterExternalAppCommand).registration).toMatchObject({
      appId: 'extapps-admin',
      appType: 'confidential',
      applicationScopes: Object.values(AdminScopes),
      firstSecret: { secretId: 'bootstrap', hash: hashClientSecret(secret), expiresAt: null },
    });
  });

  it('given the app with the configured secret active, then nothing to do', () => {
    const state = bootstrapped(hashClientSecret(secret));

    expect(planBootstrap({ ...input, state })).toEqual({ kind: 'up-to-date' });
  });

  it('given the app without the configured secret, then the secret is added', () => {
    const plan = planBootstrap({ ...input, state: bootstrapped(hashClientSecret('old')) });

    const command = plan.kind === 'command' ? plan.command : null;
    expect(command).toBeInstanceOf(AddSecretCommand);
    expect((command as AddSecretCommand).secret).toMatchObject({
      secretId: expect.stringMatching(/^bootstrap-/),
      hash: hashClientSecret(secret),
    });
  });

  it('given the configured secret revoked, then it is added again', () => {
    const hash = hashClientSecret(secret);
    const state = bootstrapped(hash, { type: 'RevokeSecret', secretId: 'bootstrap' });

    expect(planBootstrap({ ...input, state }).kind).toBe('command');
  });

  it('given the app deleted, then it is left deleted', () => {
    const state = bootstrapped(hashClientSecret(secret), { type: 'DeleteExternalApp' });

    expect(planBootstrap({ ...input, state })).toEqual({ kind: 'deleted' });
  });

  it('asks only for the admin scopes the catalog offers as application scopes', () => {
    expect(adminApplicationScopes(catalog)).toEqual([]);
  });
});
