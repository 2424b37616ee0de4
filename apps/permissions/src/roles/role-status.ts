import { HttpStatus } from '@nestjs/common';
import { RoleErrorCode } from './role.errors';

/** HTTP status per role refusal: 404 unknown, 409 conflicts with what exists, 400 bad input. */
export const ROLE_STATUS: Readonly<Record<RoleErrorCode, number>> = {
  'role-not-found': HttpStatus.NOT_FOUND,
  'tenant-not-found': HttpStatus.NOT_FOUND,
  'role-exists': HttpStatus.CONFLICT,
  'built-in-role': HttpStatus.CONFLICT,
  'name-taken': HttpStatus.CONFLICT,
  'role-in-use': HttpStatus.CONFLICT,
  'invalid-role-id': HttpStatus.BAD_REQUEST,
  'invalid-name': HttpStatus.BAD_REQUEST,
  'unknown-permission': HttpStatus.BAD_REQUEST,
  'duplicate-permission': HttpStatus.BAD_REQUEST,
};
