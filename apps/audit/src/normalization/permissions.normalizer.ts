import { PermissionsEvent } from '@extapps/contracts';
import { AuditRecord } from '../records/audit-record';
import {
  changed,
  NormalizeContext,
  RecordFacts,
  recordOf,
  succeeded,
  target,
  unknownEvent,
} from './record-base';

/** Permissions events carry their own before/after (null for a creation's before, a deletion's after). */
export function normalizePermissionsEvent(
  event: PermissionsEvent,
  context: NormalizeContext,
): AuditRecord {
  return recordOf(event, context, factsOf(event));
}

const nameOf = (views: { before: { name: string } | null; after: { name: string } | null }) =>
  views.after?.name ?? views.before?.name ?? null;

function factsOf(event: PermissionsEvent): RecordFacts {
  const facts = (action: string, what: RecordFacts['target'], changes: RecordFacts['changes']) => ({
    action,
    category: 'permissions' as const,
    target: what,
    outcome: succeeded,
    changes,
  });
  switch (event.type) {
    case 'TenantCreated':
    case 'TenantRenamed':
    case 'TenantDeleted': {
      const { tenantId, before, after } = event.data;
      const action = `tenant.${verbOf(event.type, 'Tenant')}`;
      return facts(action, target('tenant', tenantId, nameOf(event.data)), changed(before, after));
    }
    case 'FolderCreated':
    case 'FolderRenamed':
    case 'FolderMoved': {
      const { folderId, before, after } = event.data;
      const action = `folder.${verbOf(event.type, 'Folder')}`;
      return facts(action, target('folder', folderId, nameOf(event.data)), changed(before, after));
    }
    case 'FolderDeleted': {
      // The sub-folders deleted with it (a cascade) were part of what it looked like before.
      const { folderId, before, descendantIds } = event.data;
      const folder = target('folder', folderId, before.name);
      return facts('folder.deleted', folder, changed({ ...before, descendantIds }, null));
    }
    case 'RoleCreated':
    case 'RoleChanged':
    case 'RoleDeleted': {
      const { roleId, before, after } = event.data;
      const action = `role.${verbOf(event.type, 'Role')}`;
      return facts(action, target('role', roleId, nameOf(event.data)), changed(before, after));
    }
    // The principal is the target, so "what may this app do" finds its roles by the app filter.
    case 'RoleAssigned': {
      const { principal } = event.data.after;
      const to = target(principal.type, principal.id);
      return facts('role.assigned', to, changed(event.data.before, event.data.after));
    }
    case 'RoleUnassigned': {
      const { principal } = event.data.before;
      const from = target(principal.type, principal.id);
      return facts('role.unassigned', from, changed(event.data.before, event.data.after));
    }
    default:
      return unknownEvent(event);
  }
}

/** `TenantRenamed` → `renamed`. */
function verbOf(type: string, noun: string): string {
  return type.slice(noun.length).toLowerCase();
}
