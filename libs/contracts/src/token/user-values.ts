import { z } from 'zod';

export const userIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'must be 1-200 letters, digits, ".", "_" or "-"');

/** Sign-in names are compared lower-cased; the directory stores them so. */
export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._@+-]{0,99}$/, 'must be 1-100 lower-case letters, digits or ._@+-');

export const displayNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => s.trim() === s, 'must be trimmed');
