import { HttpException, HttpStatus } from '@nestjs/common';
import { FieldError } from '@extapps/platform';

/** `type` of every problem this service defines: one URN per code, stable for clients. */
export const problemType = (code: string) => `urn:extapps:problem:${code}`;

/**
 * A refusal with RFC 9457 extension members (`code`, `currentVersion`, `errors`, ...), rendered
 * by ProblemCodeFilter as `urn:extapps:problem:<code>`.
 */
export class PermissionsProblem extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail, status);
  }
}

/** A decider's refusal, as every decider of the service spells it. */
export interface DomainRefusal {
  readonly code: string;
  readonly message: string;
  /** The command field at fault, e.g. `name`, for field-level problem details. */
  readonly field?: string;
}

/** A refusal as a problem: the status from the slice's table (422 for a code it does not list). */
export function refusal(
  error: DomainRefusal,
  statusOf: Readonly<Record<string, number>>,
): PermissionsProblem {
  const status = statusOf[error.code] ?? HttpStatus.UNPROCESSABLE_ENTITY;
  const errors: FieldError[] =
    error.field === undefined ? [] : [{ field: error.field, message: error.message }];
  return new PermissionsProblem(
    status,
    error.code,
    error.message,
    errors.length > 0 ? { errors } : {},
  );
}

export const versionMismatch = (expected: number, currentVersion: number) =>
  new PermissionsProblem(
    HttpStatus.PRECONDITION_FAILED,
    'version-mismatch',
    `If-Match names version ${expected}, the resource is at version ${currentVersion}`,
    { currentVersion },
  );

export const concurrentChange = (currentVersion: number) =>
  new PermissionsProblem(
    HttpStatus.CONFLICT,
    'concurrent-modification',
    `another command changed the resource first; it is now at version ${currentVersion}`,
    { currentVersion },
  );

export const ifMatchRequired = () =>
  new PermissionsProblem(
    HttpStatus.PRECONDITION_REQUIRED,
    'if-match-required',
    'send If-Match with the version you read ("<version>" from the ETag) or * for any version',
  );

export const invalidIfMatch = () =>
  new PermissionsProblem(
    HttpStatus.BAD_REQUEST,
    'invalid-if-match',
    'If-Match must be * or one entity tag "<version>" as sent in the ETag header',
  );

/** For an id in the path that no entity can have, or one that does not exist. */
export const notFound = (code: string, detail: string) =>
  new PermissionsProblem(HttpStatus.NOT_FOUND, code, detail);
