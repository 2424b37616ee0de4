import { Principal, UnassignReason } from '@extapps/contracts';

/** Gives a principal a role on a whole tenant (folderId null) or on a folder and its sub-folders. */
export interface AssignRole {
  readonly type: 'AssignRole';
  readonly assignmentId: string;
  readonly principal: Principal;
  readonly roleId: string;
  readonly tenantId: string;
  readonly folderId: string | null;
}

/** Ends an assignment: asked for (`unassigned`) or a consequence of another change. */
export interface UnassignRole {
  readonly type: 'UnassignRole';
  readonly reason: UnassignReason;
}

export type AssignmentCommand = AssignRole | UnassignRole;
