import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { FieldError, ValidationFailedException } from './validation';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
export const VALIDATION_PROBLEM_TYPE = 'urn:extapps:problem:validation-failed';

/** RFC 9457 problem details, plus the correlation id a caller quotes to support. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly correlationId: string;
  readonly errors?: readonly FieldError[];
}

export interface ProblemContext {
  readonly instance: string;
  readonly correlationId: string;
}

export interface MappedProblem {
  readonly problem: ProblemDetails;
  /** True when the failure is ours (5xx): log it with its stack. */
  readonly unexpected: boolean;
}

const GENERIC_DETAIL = 'An unexpected error occurred. Quote the correlation id when reporting it.';

/** Maps anything thrown while handling a request to the problem the client sees. */
export function toProblem(exception: unknown, context: ProblemContext): MappedProblem {
  const status = statusOf(exception);
  const unexpected = status >= 500;
  const base = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: unexpected ? GENERIC_DETAIL : clientDetail(exception),
    ...context,
  };
  if (exception instanceof ValidationFailedException) {
    return {
      problem: {
        ...base,
        type: VALIDATION_PROBLEM_TYPE,
        title: 'Validation failed',
        errors: exception.errors,
      },
      unexpected,
    };
  }
  return { problem: base, unexpected };
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  return isFastifyClientError(exception) ? exception.statusCode : HttpStatus.INTERNAL_SERVER_ERROR;
}

/** Fastify's own request errors (body too large, bad media type) are safe to show as they are. */
function isFastifyClientError(
  value: unknown,
): value is Error & { statusCode: number; code: string } {
  if (!(value instanceof Error)) return false;
  const { statusCode, code } = value as Error & {
    statusCode?: unknown;
    code?: unknown;
  };
  return (
    typeof code === 'string' &&
    code.startsWith('FST_') &&
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500
  );
}

function clientDetail(exception: unknown): string {
  if (!(exception instanceof HttpException))
    return exception instanceof Error ? exception.message : String(exception);
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}
