import { PayloadOf, RoleAssigned, RoleUnassigned } from '@extapps/contracts';

/** What the assignment decider emits: type and data, before the envelope is added. */
export type AssignmentEventPayload = PayloadOf<typeof RoleAssigned | typeof RoleUnassigned>;

/**
 * Every way an assignment command is refused; the HTTP statuses are in ASSIGNMENT_STATUS.
 * Ending an assignment that has ended already is not an error: it succeeds with no event, so a
 * retried DELETE and a reaction delivered twice change nothing.
 */
export const ASSIGNMENT_ERROR_CODES = {
  'assignment-not-found': 'no assignment was ever made under this id',
  'assignment-id-taken': 'an assignment already has this id',
  'assignment-exists': 'the principal already has this role on this tenant or folder',
  'unknown-principal': 'no external app or user is known under this id',
  'principal-not-assignable':
    'only confidential apps with application scopes can be assigned roles',
  'principal-disabled': 'the principal is disabled; enable it before assigning it a role',
  'principal-deleted': 'the principal is deleted',
  'role-not-found': 'no live role has this id',
  'role-of-other-tenant': 'a custom role can be assigned only within its own tenant',
  'tenant-not-found': 'no live tenant has this id',
  'folder-not-found': 'the tenant has no live folder with this id',
} as const;

export type AssignmentErrorCode = keyof typeof ASSIGNMENT_ERROR_CODES;

export interface AssignmentError {
  readonly code: AssignmentErrorCode;
  readonly message: string;
  readonly field?: string;
}

export type AssignmentDecision =
  | { readonly ok: true; readonly events: readonly AssignmentEventPayload[] }
  | { readonly ok: false; readonly error: AssignmentError };

export const accept = (...events: AssignmentEventPayload[]): AssignmentDecision => ({
  ok: true,
  events,
});

export const refuse = (code: AssignmentErrorCode, message: string, field?: string) =>
  ({
    ok: false,
    error: field === undefined ? { code, message } : { code, message, field },
  }) as const;
