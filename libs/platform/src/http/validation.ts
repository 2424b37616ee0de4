import { BadRequestException, PipeTransform } from '@nestjs/common';
import { z } from 'zod';

export interface FieldError {
  /** Dotted path into the request part, e.g. `redirectUris.0`; empty for the whole part. */
  readonly field: string;
  readonly message: string;
}

/** A client sent data that failed validation; rendered as problem+json with `errors`. */
export class ValidationFailedException extends BadRequestException {
  constructor(
    readonly errors: readonly FieldError[],
    detail = 'The request is invalid; see errors.',
  ) {
    super(detail);
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** `@Body(new ZodValidationPipe(schema))`: parses with zod, else a 400 listing each bad field. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new ValidationFailedException(fieldErrorsOf(result.error));
  }
}
