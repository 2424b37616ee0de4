import { APP_NAME_MAX, appIdSchema, ResourceCatalog } from '@extapps/contracts';
import { ExternalAppCommand, RegisterExternalApp } from './commands';
import { checkClientSettings, decideClientSettings } from './client-settings';
import { accept, Checked, Decision, refuse, valid } from './errors';
import { ExternalAppState, RegisteredApp } from './external-app.state';
import { checkRedirectUris } from './redirect-uri';
import { resolveScopes, sameScopes } from './scopes';
import { checkNewSecret } from './secrets';
import { decideSecretCommand } from './secret-commands';

export { evolve, initialState, rebuild } from './external-app.state';

/** What a decision may depend on besides the state: injected, so decide stays pure. */
export interface DecisionContext {
  readonly now: Date;
  readonly catalog: ResourceCatalog;
}

/**
 * The external app's rules: turns a command into new events, or refuses it.
 * Names unique in the organization is deliberately not checked here: it spans apps, so it needs
 * a unique index across aggregates, which the command handler owns.
 */
export function decide(
  command: ExternalAppCommand,
  state: ExternalAppState,
  context: DecisionContext,
): Decision {
  if (command.type === 'RegisterExternalApp') return register(command, state, context);
  if (state.status === 'unregistered') return refuse('app-not-found', 'no such app');
  if (state.status === 'deleted') return refuse('app-deleted', 'the app is deleted');
  return decideExisting(command, state, context);
}

function decideExisting(
  command: Exclude<ExternalAppCommand, RegisterExternalApp>,
  app: RegisteredApp,
  { now, catalog }: DecisionContext,
): Decision {
  switch (command.type) {
    case 'RenameExternalApp': {
      const name = checkName(command.name);
      if (!name.ok) return name;
      if (name.value === app.name) return accept();
      return accept({ type: 'ExternalAppRenamed', data: { before: app.name, after: name.value } });
    }
    case 'ChangeRedirectUris': {
      const uris = checkRedirectUris(command.redirectUris, app.userScopes.length > 0);
      if (!uris.ok) return uris;
      if (sameSet(uris.value, app.redirectUris)) return accept();
      const data = { before: [...app.redirectUris], after: [...uris.value] };
      return accept({ type: 'RedirectUrisChanged', data });
    }
    case 'ChangeScopes': {
      const before = {
        userScopes: [...app.userScopes],
        applicationScopes: [...app.applicationScopes],
      };
      const names = {
        userScopes: command.userScopes ?? app.userScopes.map((g) => g.scope),
        applicationScopes: command.applicationScopes ?? app.applicationScopes.map((g) => g.scope),
      };
      const after = resolveScopes(app.type, names, catalog);
      if (!after.ok) return after;
      const uris = checkRedirectUris(app.redirectUris, after.value.userScopes.length > 0);
      if (!uris.ok) return uris;
      if (sameScopes(before, after.value)) return accept();
      return accept({ type: 'ScopesChanged', data: { before, after: after.value } });
    }
    case 'ChangeClientKeys':
    case 'ChangeAccessTokenLifetime':
      return decideClientSettings(command, app);
    case 'AddSecret':
    case 'RevokeSecret':
    case 'WarnSecretExpiring':
      return decideSecretCommand(command, app, now);
    // Disable and enable are idempotent: repeating one succeeds without a new event.
    case 'DisableExternalApp':
      return app.status === 'disabled'
        ? accept()
        : accept({ type: 'ExternalAppDisabled', data: {} });
    case 'EnableExternalApp':
      return app.status === 'active' ? accept() : accept({ type: 'ExternalAppEnabled', data: {} });
    case 'DeleteExternalApp':
      return accept({ type: 'ExternalAppDeleted', data: {} });
    default: {
      const unreachable: never = command;
      throw new Error(`unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

function register(
  command: RegisterExternalApp,
  state: ExternalAppState,
  context: DecisionContext,
): Decision {
  if (state.status === 'deleted') return refuse('app-deleted', 'the app is deleted');
  if (state.status !== 'unregistered')
    return refuse('app-already-exists', 'the app exists already');
  if (!appIdSchema.safeParse(command.appId).success) {
    return refuse('invalid-app-id', 'the app id is malformed', 'appId');
  }
  const name = checkName(command.name);
  if (!name.ok) return name;
  const scopes = resolveScopes(command.appType, command, context.catalog);
  if (!scopes.ok) return scopes;
  const uris = checkRedirectUris(command.redirectUris, scopes.value.userScopes.length > 0);
  if (!uris.ok) return uris;
  const firstSecret = checkFirstSecret(command, context.now);
  if (!firstSecret.ok) return firstSecret;
  const settings = checkClientSettings(command, command.appType);
  if (!settings.ok) return settings;
  const data = {
    appId: command.appId,
    name: name.value,
    type: command.appType,
    redirectUris: [...uris.value],
    ...scopes.value,
    firstSecret: firstSecret.value,
    ...settings.value,
  };
  return accept({ type: 'ExternalAppRegistered', data });
}

function checkFirstSecret(command: RegisterExternalApp, now: Date) {
  const secret = command.firstSecret;
  if (command.appType === 'non-confidential') {
    return secret
      ? refuse('secret-not-allowed', 'a non-confidential app has no secret', 'firstSecret')
      : valid(null);
  }
  if (!secret)
    return refuse('secret-required', 'a confidential app starts with a secret', 'firstSecret');
  return checkNewSecret(secret, [], now, 'firstSecret.');
}

function checkName(raw: string): Checked<string> {
  const name = raw.trim();
  if (name.length === 0 || name.length > APP_NAME_MAX) {
    return refuse('invalid-name', `the name must be 1-${APP_NAME_MAX} characters`, 'name');
  }
  return valid(name);
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));
