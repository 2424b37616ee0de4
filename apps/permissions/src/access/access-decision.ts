import { Principal } from '@extapps/contracts';

/** "May `principal` do `permission` in `tenantId` (and `folderId`, if given)?" */
export interface AccessQuery {
  readonly principal: Principal;
  readonly permission: string;
  readonly tenantId: string;
  /** Absent or null: on the tenant itself, where only tenant-wide assignments count. */
  readonly folderId?: string | null;
}

/** The assignment that granted a permission, with its role as it is now. */
export interface GrantedBy {
  readonly assignmentId: string;
  readonly roleId: string;
  readonly roleName: string;
  readonly tenantId: string;
  /** Null: assigned on the whole tenant. */
  readonly folderId: string | null;
}

export const DENIAL_CODES = [
  'unknown-principal',
  'principal-disabled',
  'principal-deleted',
  'unknown-tenant',
  'unknown-folder',
  'unknown-permission',
  'not-granted',
] as const;
export type DenialCode = (typeof DENIAL_CODES)[number];

export interface DenialReason {
  readonly code: DenialCode;
  readonly message: string;
}

export type AccessDecision =
  | { readonly allowed: true; readonly grantedBy: GrantedBy }
  | { readonly allowed: false; readonly reason: DenialReason };

export type Denial = Extract<AccessDecision, { allowed: false }>;

const MESSAGES: Record<DenialCode, string> = {
  'unknown-principal': 'No app or user with this id is known to the permissions service.',
  'principal-disabled': 'The principal is disabled: its assignments have no effect.',
  'principal-deleted': 'The principal is deleted: its assignments have no effect.',
  'unknown-tenant': 'No tenant with this id exists.',
  'unknown-folder': 'No folder with this id exists in the tenant.',
  'unknown-permission': 'The permission is not in the permission catalog.',
  'not-granted':
    'No role assigned to the principal on the folder, its ancestors or the tenant grants the permission.',
};

/** One shared, frozen answer per code: a refusal allocates nothing. */
export const DENIED: Readonly<Record<DenialCode, Denial>> = Object.freeze(
  Object.fromEntries(
    DENIAL_CODES.map((code) => [
      code,
      Object.freeze({ allowed: false, reason: Object.freeze({ code, message: MESSAGES[code] }) }),
    ]),
  ) as Record<DenialCode, Denial>,
);
