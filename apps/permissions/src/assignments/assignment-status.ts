import { HttpStatus } from '@nestjs/common';
import { AssignmentErrorCode } from './assignment.errors';

/** HTTP status per assignment refusal: 404 unknown, 409 conflicts with what exists, 400 bad input. */
export const ASSIGNMENT_STATUS: Readonly<Record<AssignmentErrorCode, number>> = {
  'assignment-not-found': HttpStatus.NOT_FOUND,
  'unknown-principal': HttpStatus.NOT_FOUND,
  'role-not-found': HttpStatus.NOT_FOUND,
  'tenant-not-found': HttpStatus.NOT_FOUND,
  'folder-not-found': HttpStatus.NOT_FOUND,
  'assignment-id-taken': HttpStatus.CONFLICT,
  'assignment-exists': HttpStatus.CONFLICT,
  'principal-not-assignable': HttpStatus.CONFLICT,
  'principal-disabled': HttpStatus.CONFLICT,
  'principal-deleted': HttpStatus.CONFLICT,
  'role-of-other-tenant': HttpStatus.BAD_REQUEST,
};
