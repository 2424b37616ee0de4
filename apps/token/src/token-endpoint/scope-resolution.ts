import { ScopeGrant } from '@extapps/contracts';
import { failure, Outcome, success } from './oauth-error';

/** What a token grants: one audience (a catalog resource id) and scopes of that resource. */
export interface ResolvedGrant {
  readonly audience: string;
  readonly scopes: readonly string[];
}

/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), separated by single spaces. */
const SCOPE_LIST = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;

/**
 * Picks the scopes and the audience of a token among the scopes the app holds (`held`).
 * - `scope` absent: every held scope (of `resource`, if given);
 * - each requested scope must be held, or the request is `invalid_scope`;
 * - `resource` (RFC 8707) must be one of the held scopes' resources (`invalid_target`), and the
 *   requested scopes must belong to it;
 * - without `resource`, scopes of several resources are `invalid_target`: a token has one audience.
 */
export function resolveGrant(
  held: readonly ScopeGrant[],
  scope: string | undefined,
  resource: string | undefined,
): Outcome<ResolvedGrant> {
  if (resource !== undefined && !held.some((g) => g.resource === resource))
    return failure('invalid_target', `The client may not ask for tokens for resource ${resource}.`);
  const requested = requestedScopes(held, scope, resource);
  if (!requested.ok) return requested;
  const grants = requested.value;
  if (grants.length === 0)
    return failure('invalid_scope', 'The client holds no application scope to grant.');
  const audiences = [...new Set(grants.map((g) => g.resource))];
  if (audiences.length > 1) {
    return failure(
      'invalid_target',
      `The scopes belong to several resources (${audiences.join(', ')}); name one with the resource parameter.`,
    );
  }
  return success({ audience: audiences[0], scopes: grants.map((g) => g.scope) });
}

function requestedScopes(
  held: readonly ScopeGrant[],
  scope: string | undefined,
  resource: string | undefined,
): Outcome<ScopeGrant[]> {
  if (scope === undefined)
    return success(held.filter((g) => resource === undefined || g.resource === resource));
  if (!SCOPE_LIST.test(scope))
    return failure('invalid_scope', 'The scope parameter is not a space-separated list of scopes.');
  const grants: ScopeGrant[] = [];
  for (const name of new Set(scope.split(' '))) {
    const grant = held.find((g) => g.scope === name);
    if (!grant) return failure('invalid_scope', `The client does not hold the scope ${name}.`);
    if (resource !== undefined && grant.resource !== resource)
      return failure('invalid_scope', `The scope ${name} does not belong to resource ${resource}.`);
    grants.push(grant);
  }
  return success(grants);
}
