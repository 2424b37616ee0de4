import { entityIdSchema, permissionsNameSchema } from '@extapps/contracts';
import { Checked, refuse, valid } from './tenant.errors';

/** Trimmed, then held to the contract's name rules (1-100 characters, no "/", "\" or controls). */
export function checkName(raw: string, field = 'name'): Checked<string> {
  const name = raw.trim();
  if (permissionsNameSchema.safeParse(name).success) return valid(name);
  return refuse(
    'invalid-name',
    'the name must be 1-100 characters without "/", "\\" or control characters',
    field,
  );
}

export function checkId(raw: string, field: string): Checked<string> {
  return entityIdSchema.safeParse(raw).success
    ? valid(raw)
    : refuse('invalid-id', 'the id must be 1-100 letters, digits, ".", "_" or "-"', field);
}
