import { RegistrationEvent, SecretData } from '@extapps/contracts';
import { Client, ClientSecret } from './client';
import { internScopes } from './scope-interning';

export type ProjectionOutcome =
  | { readonly kind: 'applied'; readonly client: Client }
  | { readonly kind: 'skipped'; readonly reason: SkipReason };

/**
 * - duplicate: the stream version was applied already (at-least-once delivery, a replay);
 * - unknown-app: an event of an app whose registration this table never saw;
 * - deleted: deletion is final, nothing after it can change the app.
 */
export type SkipReason = 'duplicate' | 'unknown-app' | 'deleted';

const skipped = (reason: SkipReason): ProjectionOutcome => ({ kind: 'skipped', reason });

/** Applies one registration event to the app it belongs to (undefined: not seen yet). Pure. */
export function projectClient(
  current: Client | undefined,
  event: RegistrationEvent,
): ProjectionOutcome {
  if (current && event.streamVersion <= current.version) return skipped('duplicate');
  if (event.type === 'ExternalAppRegistered') {
    return current ? skipped('duplicate') : applied(registered(event));
  }
  if (!current) return skipped('unknown-app');
  if (current.status === 'deleted') return skipped('deleted');
  return applied({ ...evolve(current, event), version: event.streamVersion });
}

const applied = (client: Client): ProjectionOutcome => ({ kind: 'applied', client });

function registered(event: Extract<RegistrationEvent, { type: 'ExternalAppRegistered' }>): Client {
  const { data } = event;
  return {
    clientId: event.streamId,
    version: event.streamVersion,
    name: data.name,
    type: data.type,
    status: 'active',
    redirectUris: data.redirectUris,
    userScopes: internScopes(data.userScopes),
    applicationScopes: internScopes(data.applicationScopes),
    secrets: data.firstSecret ? [toSecret(data.firstSecret)] : [],
    // Absent in events from before they existed: no keys, the default lifetime.
    jwks: data.jwks ?? null,
    accessTokenLifetimeSeconds: data.accessTokenLifetimeSeconds ?? null,
  };
}

type LaterEvent = Exclude<RegistrationEvent, { type: 'ExternalAppRegistered' }>;

function evolve(client: Client, event: LaterEvent): Client {
  switch (event.type) {
    case 'ExternalAppRenamed':
      return { ...client, name: event.data.after };
    case 'RedirectUrisChanged':
      return { ...client, redirectUris: event.data.after };
    case 'ScopesChanged':
      return {
        ...client,
        userScopes: internScopes(event.data.after.userScopes),
        applicationScopes: internScopes(event.data.after.applicationScopes),
      };
    case 'ClientKeysChanged':
      return { ...client, jwks: event.data.after };
    case 'AccessTokenLifetimeChanged':
      return { ...client, accessTokenLifetimeSeconds: event.data.after };
    case 'SecretAdded':
      return { ...client, secrets: [...client.secrets, toSecret(event.data)] };
    case 'SecretRevoked': {
      const { secretId } = event.data;
      const secrets = client.secrets.map((s) =>
        s.secretId === secretId ? { ...s, revoked: true } : s,
      );
      return { ...client, secrets };
    }
    case 'SecretExpiringSoon':
      return client;
    case 'ExternalAppDisabled':
      return { ...client, status: 'disabled' };
    case 'ExternalAppEnabled':
      return { ...client, status: 'active' };
    case 'ExternalAppDeleted':
      // Secrets of a deleted app can never authenticate again; dropping them frees the memory.
      return { ...client, status: 'deleted', secrets: [] };
    default: {
      const unexpected: never = event;
      throw new Error(`unexpected registration event ${JSON.stringify(unexpected)}`);
    }
  }
}

function toSecret(secret: SecretData): ClientSecret {
  return {
    secretId: secret.secretId,
    hash: secret.hash,
    expiresAt: secret.expiresAt === null ? null : Date.parse(secret.expiresAt),
    revoked: false,
  };
}
