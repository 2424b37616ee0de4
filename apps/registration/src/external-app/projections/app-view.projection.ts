import { Actor, RegistrationEvent } from '@extapps/contracts';
import { StoredEvent } from '@extapps/event-store';
import { ActorView, AppView, SecretView } from './app-view';

type Registered = Extract<RegistrationEvent, { type: 'ExternalAppRegistered' }>;
type Change = Exclude<RegistrationEvent, Registered>;

/**
 * Folds one stored event into an app's view; pure, so the live projector, the rebuild and `asOf`
 * produce identical views. The caller hands events in stream order (see planCatchUp); an event
 * that cannot apply means a corrupt stream and throws, as in the decider's evolve.
 */
export function projectApp(view: AppView | null, stored: StoredEvent<RegistrationEvent>): AppView {
  const { event, position } = stored;
  const at = new Date(event.occurredAt);
  if (event.type === 'ExternalAppRegistered') {
    if (view) throw new Error(`app ${view.id} is registered twice`);
    return registered(event, at, position);
  }
  if (!view) throw new Error(`${event.type} for ${event.streamId} precedes its registration`);
  return {
    ...applyChange(view, event, at),
    version: event.streamVersion,
    updatedAt: at,
    updatedBy: actorView(event.actor),
    lastPosition: position,
  };
}

/** Folds a stream's events, oldest first, onto `view`. */
export const projectAll = (
  view: AppView | null,
  events: readonly StoredEvent<RegistrationEvent>[],
): AppView | null => events.reduce<AppView | null>(projectApp, view);

function registered(event: Registered, at: Date, position: number): AppView {
  const { appId, firstSecret, jwks, accessTokenLifetimeSeconds, ...app } = event.data;
  const actor = actorView(event.actor);
  return {
    id: appId,
    ...app,
    status: 'active',
    secrets: firstSecret ? [newSecret(firstSecret, at)] : [],
    jwks: jwks ?? null,
    accessTokenLifetimeSeconds: accessTokenLifetimeSeconds ?? null,
    version: event.streamVersion,
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    updatedBy: actor,
    lastPosition: position,
  };
}

function applyChange(view: AppView, event: Change, at: Date): AppView {
  switch (event.type) {
    case 'ExternalAppRenamed':
      return { ...view, name: event.data.after };
    case 'RedirectUrisChanged':
      return { ...view, redirectUris: event.data.after };
    case 'ScopesChanged':
      return {
        ...view,
        userScopes: event.data.after.userScopes,
        applicationScopes: event.data.after.applicationScopes,
      };
    case 'ClientKeysChanged':
      return { ...view, jwks: event.data.after };
    case 'AccessTokenLifetimeChanged':
      return { ...view, accessTokenLifetimeSeconds: event.data.after };
    case 'SecretAdded':
      return { ...view, secrets: [...view.secrets, newSecret(event.data, at)] };
    case 'SecretRevoked':
      return withSecret(view, event.data.secretId, (s) => ({ ...s, revokedAt: at }));
    case 'SecretExpiringSoon':
      return withSecret(view, event.data.secretId, (s) => ({ ...s, expiryWarnedAt: at }));
    case 'ExternalAppDisabled':
      return { ...view, status: 'disabled' };
    case 'ExternalAppEnabled':
      return { ...view, status: 'active' };
    case 'ExternalAppDeleted':
      return { ...view, status: 'deleted' };
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

function newSecret(
  secret: { secretId: string; description: string; expiresAt: string | null },
  at: Date,
): SecretView {
  return {
    id: secret.secretId,
    description: secret.description,
    createdAt: at,
    expiresAt: secret.expiresAt === null ? null : new Date(secret.expiresAt),
    revokedAt: null,
    expiryWarnedAt: null,
  };
}

function withSecret(view: AppView, id: string, change: (s: SecretView) => SecretView): AppView {
  if (!view.secrets.some((s) => s.id === id)) {
    throw new Error(`app ${view.id} has no secret ${id}`);
  }
  return { ...view, secrets: view.secrets.map((s) => (s.id === id ? change(s) : s)) };
}

/** Only defined keys: a document must not differ by an `undefined` the driver might store as null. */
export function actorView(actor: Actor): ActorView {
  return actor.displayName === undefined
    ? { type: actor.type, id: actor.id }
    : { type: actor.type, id: actor.id, displayName: actor.displayName };
}
