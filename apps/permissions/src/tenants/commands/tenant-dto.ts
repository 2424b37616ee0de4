import { z } from 'zod';

// Shapes only: the decider owns the rules (name syntax, limits) and answers 422 with the field,
// so these bounds are loose caps against abuse, not the product's limits.
export const nameInputSchema = z
  .string()
  .max(1000)
  .describe('1-100 characters once trimmed, no "/", "\\" or control characters');
export const parentIdInputSchema = z
  .string()
  .max(200)
  .nullable()
  .describe('the parent folder id; null or absent: directly under the tenant');
