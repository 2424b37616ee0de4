import { z } from 'zod';
import { defineEvent, EventOf } from '../events/event-definition';
import {
  entityIdSchema,
  permissionsNameSchema,
  principalSchema,
  rolePermissionsSchema,
  unassignReasonSchema,
} from './permission-values';

/*
 * Events of the permissions service on `extapps.permissions.events.v1`. Every event carries
 * `before` and `after` (null for a creation's before and a deletion's after) so an auditor sees
 * what changed without replaying the stream. Stream ids: the tenant id for tenant and folder
 * events (the folder tree is one aggregate, so a move can be checked for cycles), the role id for
 * role events, the assignment id for assignment events.
 */

const tenantView = z.object({ name: permissionsNameSchema }).strict();
const folderView = z
  .object({ name: permissionsNameSchema, parentId: entityIdSchema.nullable() })
  .strict();
const roleView = z
  .object({ name: permissionsNameSchema, permissions: rolePermissionsSchema })
  .strict();
const assignmentView = z
  .object({
    principal: principalSchema,
    roleId: entityIdSchema,
    tenantId: entityIdSchema,
    /** Null: the assignment is on the whole tenant. */
    folderId: entityIdSchema.nullable(),
  })
  .strict();

const tenantRef = { tenantId: entityIdSchema };
const folderRef = { tenantId: entityIdSchema, folderId: entityIdSchema };
const roleRef = { roleId: entityIdSchema, tenantId: entityIdSchema };

export const TenantCreated = defineEvent(
  'TenantCreated',
  1,
  z.object({ ...tenantRef, before: z.null(), after: tenantView }).strict(),
);
export const TenantRenamed = defineEvent(
  'TenantRenamed',
  1,
  z.object({ ...tenantRef, before: tenantView, after: tenantView }).strict(),
);
/** Its folders, custom roles and assignments end with it (assignments by events of their own). */
export const TenantDeleted = defineEvent(
  'TenantDeleted',
  1,
  z.object({ ...tenantRef, before: tenantView, after: z.null() }).strict(),
);

export const FolderCreated = defineEvent(
  'FolderCreated',
  1,
  z.object({ ...folderRef, before: z.null(), after: folderView }).strict(),
);
export const FolderRenamed = defineEvent(
  'FolderRenamed',
  1,
  z.object({ ...folderRef, before: folderView, after: folderView }).strict(),
);
export const FolderMoved = defineEvent(
  'FolderMoved',
  1,
  z.object({ ...folderRef, before: folderView, after: folderView }).strict(),
);
/** `descendantIds`: sub-folders deleted with it (a cascade); empty unless cascade was asked for. */
export const FolderDeleted = defineEvent(
  'FolderDeleted',
  1,
  z
    .object({
      ...folderRef,
      descendantIds: z.array(entityIdSchema),
      before: folderView,
      after: z.null(),
    })
    .strict(),
);

export const RoleCreated = defineEvent(
  'RoleCreated',
  1,
  z.object({ ...roleRef, before: z.null(), after: roleView }).strict(),
);
/** A rename, a new permission set, or both; takes effect wherever the role is assigned. */
export const RoleChanged = defineEvent(
  'RoleChanged',
  1,
  z.object({ ...roleRef, before: roleView, after: roleView }).strict(),
);
export const RoleDeleted = defineEvent(
  'RoleDeleted',
  1,
  z.object({ ...roleRef, before: roleView, after: z.null() }).strict(),
);

export const RoleAssigned = defineEvent(
  'RoleAssigned',
  1,
  z.object({ assignmentId: entityIdSchema, before: z.null(), after: assignmentView }).strict(),
);
export const RoleUnassigned = defineEvent(
  'RoleUnassigned',
  1,
  z
    .object({
      assignmentId: entityIdSchema,
      reason: unassignReasonSchema,
      before: assignmentView,
      after: z.null(),
    })
    .strict(),
);

export const permissionsEvents = [
  TenantCreated,
  TenantRenamed,
  TenantDeleted,
  FolderCreated,
  FolderRenamed,
  FolderMoved,
  FolderDeleted,
  RoleCreated,
  RoleChanged,
  RoleDeleted,
  RoleAssigned,
  RoleUnassigned,
] as const;
export type PermissionsEvent = EventOf<(typeof permissionsEvents)[number]>;
