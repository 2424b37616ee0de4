import { PayloadOf, permissionsEvents } from '@extapps/contracts';

/**
 * Every way a tenant refuses a command. The HTTP layer maps codes to statuses (tenants.http.ts).
 * Repeating a command whose outcome already holds (the same name, the same parent) is not an
 * error: it succeeds with no events, so clients may retry safely.
 */
export const TENANT_ERROR_CODES = {
  'tenant-not-found': 'no tenant was ever created under this id',
  'tenant-deleted': 'the tenant is deleted; it accepts no further command',
  'tenant-already-exists': 'a tenant exists already under this id',
  'tenant-not-empty': 'the tenant has folders or assignments; delete with cascade=true',
  'folder-not-found': 'the tenant has no folder with this id',
  'folder-already-exists': 'the tenant has a folder with this id already',
  'parent-not-found': 'the parent folder is not in this tenant',
  'folder-name-taken': 'a sibling folder has this name (compared ignoring case)',
  'folder-cycle': 'a folder cannot be moved into itself or one of its descendants',
  'folder-too-deep': 'the folder would sit deeper than the configured maximum depth',
  'too-many-folders': 'the tenant has the configured maximum number of folders',
  'folder-not-empty': 'the folder has sub-folders or assignments; delete with cascade=true',
  'invalid-name': 'the name is empty, longer than 100 characters, or has "/", "\\" or controls',
  'invalid-id': 'the id is not 1-100 letters, digits, ".", "_" or "-"',
} as const;

export type TenantErrorCode = keyof typeof TENANT_ERROR_CODES;

export interface TenantError {
  readonly code: TenantErrorCode;
  readonly message: string;
  /** The command field at fault, e.g. `parentId`. */
  readonly field?: string;
}

export type TenantEventPayload = PayloadOf<(typeof permissionsEvents)[number]>;

export type TenantDecision =
  | { readonly ok: true; readonly events: readonly TenantEventPayload[] }
  | { readonly ok: false; readonly error: TenantError };

export type Checked<T> = { ok: true; value: T } | { ok: false; error: TenantError };

export const accept = (...events: TenantEventPayload[]): TenantDecision => ({ ok: true, events });

export const refuse = (code: TenantErrorCode, message: string, field?: string) =>
  ({
    ok: false,
    error: field === undefined ? { code, message } : { code, message, field },
  }) as const;

export const valid = <T>(value: T) => ({ ok: true, value }) as const;
