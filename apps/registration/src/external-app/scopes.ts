import { AppScopes, AppType, findScope, ResourceCatalog, ScopeKind } from '@extapps/contracts';
import { Checked, refuse, valid } from './errors';

const FIELD: Record<ScopeKind, keyof AppScopes> = {
  user: 'userScopes',
  application: 'applicationScopes',
};
const OTHER: Record<ScopeKind, ScopeKind> = { user: 'application', application: 'user' };

/** Resolves scope names of one kind to catalog grants; the kind, not the name, decides. */
function resolve(
  names: readonly string[],
  kind: ScopeKind,
  catalog: ResourceCatalog,
): Checked<AppScopes[keyof AppScopes]> {
  const field = FIELD[kind];
  const grants = [];
  for (const [i, name] of names.entries()) {
    if (names.indexOf(name) !== i) {
      return refuse('duplicate-scope', `${name} is listed twice`, `${field}[${i}]`);
    }
    const found = findScope(catalog, name, kind);
    if (!found) {
      const hint = findScope(catalog, name, OTHER[kind]) ? ` (it is a ${OTHER[kind]} scope)` : '';
      return refuse('unknown-scope', `${name} is not a ${kind} scope${hint}`, `${field}[${i}]`);
    }
    grants.push({ resource: found.resource.id, scope: found.scope.name });
  }
  return valid(grants);
}

export function resolveScopes(
  appType: AppType,
  names: { userScopes: readonly string[]; applicationScopes: readonly string[] },
  catalog: ResourceCatalog,
): Checked<AppScopes> {
  if (appType === 'non-confidential' && names.applicationScopes.length > 0) {
    return refuse(
      'scope-kind-not-allowed',
      'a non-confidential app may have user scopes only',
      'applicationScopes',
    );
  }
  const userScopes = resolve(names.userScopes, 'user', catalog);
  if (!userScopes.ok) return userScopes;
  const applicationScopes = resolve(names.applicationScopes, 'application', catalog);
  if (!applicationScopes.ok) return applicationScopes;
  return valid({ userScopes: userScopes.value, applicationScopes: applicationScopes.value });
}

/** Same scopes in any order: a reordering is not a change. */
export function sameScopes(a: AppScopes, b: AppScopes): boolean {
  const key = (s: AppScopes) =>
    JSON.stringify([
      s.userScopes.map((g) => g.scope).sort(),
      s.applicationScopes.map((g) => g.scope).sort(),
    ]);
  return key(a) === key(b);
}
