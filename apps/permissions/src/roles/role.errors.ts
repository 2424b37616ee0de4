import { PayloadOf, RoleChanged, RoleCreated, RoleDeleted } from '@extapps/contracts';

/** What the role decider emits: type and data, before the envelope is added. */
export type RoleEventPayload = PayloadOf<
  typeof RoleCreated | typeof RoleChanged | typeof RoleDeleted
>;

/**
 * Every way a role command is refused. The HTTP layer maps codes to statuses (see ROLE_STATUS).
 * Repeating a command whose outcome already holds (the same name and permissions) is not an
 * error: it succeeds with no event, so clients may retry safely.
 */
export const ROLE_ERROR_CODES = {
  'role-not-found': 'no live role has this id (never created, or deleted)',
  'role-exists': 'a role already has this id',
  'built-in-role': 'built-in roles are defined by the service and cannot be changed or deleted',
  'invalid-role-id': 'the id is malformed or uses the prefix reserved for built-in roles',
  'invalid-name': 'the name is empty, longer than 100 characters, or has "/", "\\" or controls',
  'name-taken': 'another role of the tenant (or a built-in role) has this name, ignoring case',
  'unknown-permission': 'a permission is not in the permission catalog (GET /v1/permissions)',
  'duplicate-permission': 'the same permission is listed twice',
  'tenant-not-found': 'no live tenant has this id',
  'role-in-use': 'the role is assigned; delete it with cascade=true to unassign it everywhere',
} as const;

export type RoleErrorCode = keyof typeof ROLE_ERROR_CODES;

export interface RoleError {
  readonly code: RoleErrorCode;
  readonly message: string;
  /** The command field at fault, for field-level problem details. */
  readonly field?: string;
}

export type RoleDecision =
  | { readonly ok: true; readonly events: readonly RoleEventPayload[] }
  | { readonly ok: false; readonly error: RoleError };

export const accept = (...events: RoleEventPayload[]): RoleDecision => ({ ok: true, events });

export const refuse = (code: RoleErrorCode, message: string, field?: string) =>
  ({
    ok: false,
    error: field === undefined ? { code, message } : { code, message, field },
  }) as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: RoleError };
export const valid = <T>(value: T) => ({ ok: true, value }) as const;
