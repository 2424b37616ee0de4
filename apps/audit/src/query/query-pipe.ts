import { PipeTransform } from '@nestjs/common';
import { FieldError, ValidationFailedException } from '@extapps/platform';
import { z } from 'zod';

/**
 * Parses a query string with a strict zod object. Unlike a plain ZodValidationPipe it names each
 * unknown parameter as its own field error, where zod reports them together on the root.
 */
export class QueryPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new ValidationFailedException(result.error.issues.flatMap(fieldErrors));
  }
}

function fieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: [...path, key].join('.'),
      message: 'unknown parameter',
    }));
  }
  return [{ field: path.join('.'), message: issue.message }];
}
