import { ScopeGrant } from '@extapps/contracts';

/** Past this many distinct lists, new ones are kept as they are: the cache cannot grow unbounded. */
export const MAX_INTERNED_LISTS = 10_000;

const lists = new Map<string, readonly ScopeGrant[]>();

/**
 * One shared, frozen copy of each distinct scope list. Most apps hold one of a few scope lists,
 * and each event parsed from Kafka brings its own copies of the same strings; sharing them keeps
 * the client table of 100,000 apps well inside the memory budget. Values are unchanged.
 */
export function internScopes(grants: readonly ScopeGrant[]): readonly ScopeGrant[] {
  const key = grants.map((g) => `${g.resource}\u0000${g.scope}`).join('\u0001');
  const known = lists.get(key);
  if (known) return known;
  if (lists.size >= MAX_INTERNED_LISTS) return grants;
  const copy = Object.freeze(grants.map((g) => Object.freeze({ ...g })));
  lists.set(key, copy);
  return copy;
}
