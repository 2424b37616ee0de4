import {
  AppType,
  Jwks,
  RegistrationEventPayload,
  ScopeGrant,
  SecretData,
} from '@extapps/contracts';

export interface SecretState extends SecretData {
  readonly revoked: boolean;
  /** SecretExpiringSoon was emitted for it: the warning is given once. */
  readonly expiryWarned: boolean;
}

export interface RegisteredApp {
  readonly status: 'active' | 'disabled' | 'deleted';
  readonly appId: string;
  readonly name: string;
  readonly type: AppType;
  readonly redirectUris: readonly string[];
  readonly userScopes: readonly ScopeGrant[];
  readonly applicationScopes: readonly ScopeGrant[];
  /** Every secret ever added, revoked ones included, so an id is never reused. */
  readonly secrets: readonly SecretState[];
  /** Public keys for private_key_jwt; null: none. */
  readonly jwks: Jwks | null;
  /** Null: the token service default. */
  readonly accessTokenLifetimeSeconds: number | null;
}

export type ExternalAppState = { readonly status: 'unregistered' } | RegisteredApp;

export const initialState: ExternalAppState = { status: 'unregistered' };

/**
 * Folds one event into the state. Events are facts already accepted, so evolve never validates;
 * an event that cannot apply (anything before registration, a second registration) means a corrupt stream and throws.
 */
export function evolve(state: ExternalAppState, event: RegistrationEventPayload): ExternalAppState {
  if (event.type === 'ExternalAppRegistered') {
    if (state.status !== 'unregistered') throw new Error(`app ${state.appId} is registered twice`);
    const { firstSecret, jwks, accessTokenLifetimeSeconds, ...app } = event.data;
    return {
      ...app,
      jwks: jwks ?? null,
      accessTokenLifetimeSeconds: accessTokenLifetimeSeconds ?? null,
      status: 'active',
      secrets: firstSecret ? [{ ...firstSecret, revoked: false, expiryWarned: false }] : [],
    };
  }
  if (state.status === 'unregistered') {
    throw new Error(`${event.type} cannot apply to an app that was never registered`);
  }
  return evolveRegistered(state, event);
}

function evolveRegistered(
  app: RegisteredApp,
  event: Exclude<RegistrationEventPayload, { type: 'ExternalAppRegistered' }>,
): RegisteredApp {
  switch (event.type) {
    case 'ExternalAppRenamed':
      return { ...app, name: event.data.after };
    case 'RedirectUrisChanged':
      return { ...app, redirectUris: event.data.after };
    case 'ScopesChanged':
      return { ...app, ...event.data.after };
    case 'ClientKeysChanged':
      return { ...app, jwks: event.data.after };
    case 'AccessTokenLifetimeChanged':
      return { ...app, accessTokenLifetimeSeconds: event.data.after };
    case 'SecretAdded':
      return {
        ...app,
        secrets: [...app.secrets, { ...event.data, revoked: false, expiryWarned: false }],
      };
    case 'SecretRevoked':
      return {
        ...app,
        secrets: app.secrets.map((s) =>
          s.secretId === event.data.secretId ? { ...s, revoked: true } : s,
        ),
      };
    case 'SecretExpiringSoon':
      return {
        ...app,
        secrets: app.secrets.map((s) =>
          s.secretId === event.data.secretId ? { ...s, expiryWarned: true } : s,
        ),
      };
    case 'ExternalAppDisabled':
      return { ...app, status: 'disabled' };
    case 'ExternalAppEnabled':
      return { ...app, status: 'active' };
    case 'ExternalAppDeleted':
      return { ...app, status: 'deleted' };
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Folds a whole history, oldest first. */
export const rebuild = (events: readonly RegistrationEventPayload[]): ExternalAppState =>
  events.reduce(evolve, initialState);
