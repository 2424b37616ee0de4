import { EventEnvelope } from '@extapps/contracts';
import { AccessIndex } from '../access-index';

export const CATALOG = ['Jobs.View', 'Jobs.Create', 'Queues.Edit', 'Assets.View'] as const;
export const VIEWER = 'builtin.viewer';
export const BUILT_IN_ROLES = new Map([
  [VIEWER, { name: 'Viewer', permissions: ['Jobs.View', 'Assets.View'] }],
]);

/** An index over the test catalog and built-in roles, given `events` in order. */
export function givenIndex(...events: readonly EventEnvelope[]): AccessIndex {
  const index = new AccessIndex({ catalog: CATALOG, builtInRoles: BUILT_IN_ROLES });
  for (const event of events) index.apply(event);
  return index;
}
