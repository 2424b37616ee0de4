import { HttpException, HttpStatus } from '@nestjs/common';
import { FieldError } from '@extapps/platform';
import { DomainError, ErrorCode } from '../errors';

/** `type` of every problem this service defines: one URN per code, stable for clients. */
export const problemType = (code: string) => `urn:extapps:problem:${code}`;

/**
 * A refusal with RFC 9457 extension members (`code`, `currentVersion`, `errors`), rendered by
 * AppProblemFilter. Never carries a secret: details come from domain messages and versions.
 */
export class AppProblem extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail, status);
  }
}

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  'app-not-found': HttpStatus.NOT_FOUND,
  'app-already-exists': HttpStatus.CONFLICT,
  'app-deleted': HttpStatus.CONFLICT,
};

/** The decider's refusal: 404 / 409 for the app's existence, 422 for every broken rule. */
export function refusal(error: DomainError): AppProblem {
  const status = STATUS_OF[error.code] ?? HttpStatus.UNPROCESSABLE_ENTITY;
  const errors: FieldError[] =
    error.field === undefined ? [] : [{ field: dotted(error.field), message: error.message }];
  return new AppProblem(status, error.code, error.message, errors.length > 0 ? { errors } : {});
}

/** `redirectUris[2]` → `redirectUris.2`, the form request validation uses. */
const dotted = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

export const nameTaken = (name: string) =>
  new AppProblem(
    HttpStatus.CONFLICT,
    'name-taken',
    `another app is named ${JSON.stringify(name)}`,
    {
      errors: [{ field: 'name', message: 'the name is taken in the organization' }],
    },
  );

export const versionMismatch = (expected: number, currentVersion: number) =>
  new AppProblem(
    HttpStatus.PRECONDITION_FAILED,
    'version-mismatch',
    `If-Match names version ${expected}, the app is at version ${currentVersion}`,
    { currentVersion },
  );

export const concurrentChange = (currentVersion: number) =>
  new AppProblem(
    HttpStatus.CONFLICT,
    'concurrent-modification',
    `another command changed the app first; it is now at version ${currentVersion}`,
    { currentVersion },
  );

export const ifMatchRequired = () =>
  new AppProblem(
    HttpStatus.PRECONDITION_REQUIRED,
    'if-match-required',
    'send If-Match with the version you read ("<version>" from the ETag) or * for any version',
  );

export const invalidIfMatch = () =>
  new AppProblem(
    HttpStatus.BAD_REQUEST,
    'invalid-if-match',
    'If-Match must be * or one entity tag "<version>" as sent in the ETag header',
  );
