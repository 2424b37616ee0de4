import { Principal } from '@extapps/contracts';

/*
 * What the write side asks the read side (the in-memory access index kept from the events).
 * The index lags the event log by Kafka's latency, except for this instance's own writes, which
 * the handlers apply to it right after appending (read-your-writes on one instance; applying is
 * idempotent by stream version, so the same event arriving from Kafka later changes nothing).
 */

export type PrincipalStanding =
  | { readonly kind: 'eligible' }
  | { readonly kind: 'unknown' }
  /** Known but may not be assigned, e.g. a non-confidential app or an app without application scopes. */
  | { readonly kind: 'ineligible'; readonly reason: string }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'deleted' };

export interface PrincipalDirectory {
  lookup(principal: Principal): PrincipalStanding;
}

export interface AssignmentRef {
  readonly assignmentId: string;
  readonly principal: Principal;
  readonly roleId: string;
  readonly tenantId: string;
  /** Null: on the whole tenant. */
  readonly folderId: string | null;
}

export interface AssignmentLookup {
  byPrincipal(principal: Principal): readonly AssignmentRef[];
  /** Assignments on any of these folders (not their descendants: pass those too if wanted). */
  onFolders(tenantId: string, folderIds: readonly string[]): readonly AssignmentRef[];
  inTenant(tenantId: string): readonly AssignmentRef[];
  ofRole(roleId: string): readonly AssignmentRef[];
  /** The live assignment of exactly this principal, role and place, if any. */
  find(
    principal: Principal,
    roleId: string,
    tenantId: string,
    folderId: string | null,
  ): AssignmentRef | undefined;
}

export interface FolderLookup {
  tenantExists(tenantId: string): boolean;
  folderExists(tenantId: string, folderId: string): boolean;
}

/** Applies an envelope of any topic the index follows; events it does not use are ignored. */
export interface AccessProjection {
  apply(envelope: {
    readonly type: string;
    readonly streamId: string;
    readonly streamVersion: number;
    readonly data: unknown;
  }): void;
}

export const PRINCIPAL_DIRECTORY = Symbol('PRINCIPAL_DIRECTORY');
export const ASSIGNMENT_LOOKUP = Symbol('ASSIGNMENT_LOOKUP');
export const FOLDER_LOOKUP = Symbol('FOLDER_LOOKUP');
export const ACCESS_PROJECTION = Symbol('ACCESS_PROJECTION');
