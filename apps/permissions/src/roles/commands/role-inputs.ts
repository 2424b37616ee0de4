import { z } from 'zod';

// Shapes only: the decider owns the rules (catalog, name syntax, duplicates) and names the field.
export const roleNameInput = z
  .string()
  .max(1000)
  .describe('1-100 characters, unique in the tenant ignoring case');
export const permissionsInput = z
  .array(z.string().max(200))
  .max(1000)
  .describe('permission names from GET /v1/permissions, e.g. Jobs.View');
