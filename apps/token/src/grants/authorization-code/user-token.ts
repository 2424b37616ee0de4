import { TokenConfig } from '../../config';
import { Client } from '../../clients/client';
import { AccessTokenClaims, userTokenClaims } from '../../token-endpoint/access-token';
import { failure, Outcome } from '../../token-endpoint/oauth-error';
import { resolveGrant, ResolvedGrant } from '../../token-endpoint/scope-resolution';
import { accessTokenTtlSeconds } from '../access-token-lifetime';
import { OFFLINE_ACCESS } from '../../authorize/request-validation';

/** What a user token needs of its grant. */
export interface UserGrantScopes {
  readonly grantId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly audience: string;
}

/**
 * The scopes a user token of the grant carries now: the grant's, less those the app no longer
 * holds (scopes changed since), narrowed by `scope` (RFC 6749 §6: never wider, `invalid_scope`)
 * and checked against `resource` (RFC 8707, `invalid_target`). `offline_access` in `scope` is
 * ignored: the grant holds it, and it is no access token scope.
 */
export function currentGrantScopes(
  grant: UserGrantScopes,
  client: Client,
  scope: string | undefined,
  resource: string | undefined,
): Outcome<ResolvedGrant> {
  const held = client.userScopes.filter(
    (g) => g.resource === grant.audience && grant.scopes.includes(g.scope),
  );
  if (held.length === 0)
    return failure('invalid_grant', 'The app no longer holds any scope of this grant.');
  return resolveGrant(held, withoutOfflineAccess(scope), resource);
}

function withoutOfflineAccess(scope: string | undefined): string | undefined {
  if (scope === undefined) return undefined;
  const rest = scope.split(' ').filter((s) => s !== OFFLINE_ACCESS);
  return rest.length === 0 ? undefined : rest.join(' ');
}

/** RFC 9068 claims of a user token: sub is the user, gid the grant; the app's own lifetime. */
export function userAccessClaims(
  config: TokenConfig,
  client: Client,
  grant: UserGrantScopes,
  resolved: ResolvedGrant,
  now: Date,
): AccessTokenClaims {
  return userTokenClaims({
    issuer: config.ISSUER,
    clientId: client.clientId,
    grant: resolved,
    issuedAt: now,
    ttlSeconds: accessTokenTtlSeconds(client, config.ACCESS_TOKEN_TTL_SECONDS),
    userId: grant.userId,
    grantId: grant.grantId,
  });
}
