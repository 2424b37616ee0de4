import { AppView, SecretView } from '../projections/app-view';
import { AppResponse, SecretResponse } from './schemas';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date === null ? null : date.toISOString());

/** Revoked wins over expired: a revoked secret stays revoked whatever its expiry. */
export function secretStatus(secret: SecretView, now: Date): SecretResponse['status'] {
  if (secret.revokedAt !== null) return 'revoked';
  if (secret.expiresAt !== null && secret.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/**
 * The API's view of an app at `now`. `lastUsed` maps secret ids to their last use; it lives
 * outside the view because it comes from the token service, not from the registration log.
 */
export function toAppResponse(
  view: AppView,
  lastUsed: ReadonlyMap<string, Date> | undefined,
  now: Date,
): AppResponse {
  return {
    id: view.id,
    name: view.name,
    type: view.type,
    status: view.status,
    redirectUris: [...view.redirectUris],
    userScopes: view.userScopes.map(({ resource, scope }) => ({ resource, scope })),
    applicationScopes: view.applicationScopes.map(({ resource, scope }) => ({ resource, scope })),
    secrets: view.secrets.map((secret) => ({
      id: secret.id,
      description: secret.description,
      createdAt: iso(secret.createdAt),
      expiresAt: isoOrNull(secret.expiresAt),
      revokedAt: isoOrNull(secret.revokedAt),
      lastUsedAt: isoOrNull(lastUsed?.get(secret.id) ?? null),
      status: secretStatus(secret, now),
    })),
    jwks: view.jwks,
    accessTokenLifetimeSeconds: view.accessTokenLifetimeSeconds,
    version: view.version,
    createdAt: iso(view.createdAt),
    createdBy: { ...view.createdBy },
    updatedAt: iso(view.updatedAt),
    updatedBy: { ...view.updatedBy },
  };
}
