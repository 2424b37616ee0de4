import {
  PermissionsEvent,
  Principal,
  RegistrationEvent,
  TokenEvent,
  UnassignReason,
} from '@extapps/contracts';
import { AssignmentLookup, AssignmentRef, PrincipalDirectory } from '../access/ports';

/** An event of any topic the reactions read. */
export type ReactionEvent = RegistrationEvent | TokenEvent | PermissionsEvent;

/** A command the reactions process sends because of another change. */
export type Reaction =
  | { readonly kind: 'unassign'; readonly assignmentId: string; readonly reason: UnassignReason }
  | { readonly kind: 'delete-role'; readonly roleId: string };

/** What the plan reads: the access index, plus what the process knows of deleted roles and tenants. */
export interface ReactionFacts {
  readonly assignments: AssignmentLookup;
  readonly principals: PrincipalDirectory;
  readonly roleDeleted: (roleId: string) => boolean;
  readonly tenantDeleted: (tenantId: string) => boolean;
  /** The tenant's custom roles (asked for TenantDeleted only). */
  readonly customRolesOf: (tenantId: string) => readonly string[];
}

const unassignAll = (refs: readonly AssignmentRef[], reason: UnassignReason): Reaction[] =>
  refs.map((a) => ({ kind: 'unassign', assignmentId: a.assignmentId, reason }));

/**
 * What must follow an event: the assignments it ends, the custom roles a deleted tenant takes
 * along. An assignment made concurrently with the deletion of its principal, role or tenant may
 * reach the index after the deletion did: its own RoleAssigned is checked against what is known
 * deleted, so whichever of the two is handled second ends it. Pure: the caller gathers the facts.
 * Disabling an app or a user ends nothing: the index denies their checks while disabled.
 */
export function reactionsTo(event: ReactionEvent, facts: ReactionFacts): Reaction[] {
  const { assignments } = facts;
  switch (event.type) {
    case 'ExternalAppDeleted':
      return unassignAll(
        assignments.byPrincipal({ type: 'app', id: event.streamId }),
        'app-deleted',
      );
    case 'UserDeleted':
      return unassignAll(
        assignments.byPrincipal({ type: 'user', id: event.streamId }),
        'user-deleted',
      );
    case 'FolderDeleted': {
      const { tenantId, folderId, descendantIds } = event.data;
      const folders = [folderId, ...descendantIds];
      return unassignAll(assignments.onFolders(tenantId, folders), 'folder-deleted');
    }
    case 'RoleDeleted':
      return unassignAll(assignments.ofRole(event.data.roleId), 'role-deleted');
    case 'TenantDeleted': {
      const { tenantId } = event.data;
      const roles = facts.customRolesOf(tenantId);
      return [
        ...unassignAll(assignments.inTenant(tenantId), 'tenant-deleted'),
        ...roles.map((roleId): Reaction => ({ kind: 'delete-role', roleId })),
      ];
    }
    case 'RoleCreated':
      return facts.tenantDeleted(event.data.tenantId)
        ? [{ kind: 'delete-role', roleId: event.data.roleId }]
        : [];
    case 'RoleAssigned': {
      const reason = endedBy(event.data.after, facts);
      return reason ? [{ kind: 'unassign', assignmentId: event.data.assignmentId, reason }] : [];
    }
    default:
      // Every other event (disabling included) ends nothing.
      return [];
  }
}

interface Place {
  readonly principal: Principal;
  readonly roleId: string;
  readonly tenantId: string;
}

/** Why an assignment made just now cannot stand, if something it names is deleted already. */
function endedBy(place: Place, facts: ReactionFacts): UnassignReason | null {
  if (facts.principals.lookup(place.principal).kind === 'deleted') {
    return place.principal.type === 'app' ? 'app-deleted' : 'user-deleted';
  }
  if (facts.tenantDeleted(place.tenantId)) return 'tenant-deleted';
  if (facts.roleDeleted(place.roleId)) return 'role-deleted';
  return null;
}

/** One reaction per assignment or role, the first kept (plans before and after the index moved). */
export function distinctReactions(reactions: readonly Reaction[]): Reaction[] {
  const seen = new Set<string>();
  return reactions.filter((r) => {
    const key = r.kind === 'unassign' ? `a:${r.assignmentId}` : `r:${r.roleId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
