import { permissionsNameSchema } from '@extapps/contracts';
import { BUILT_IN_ROLE_NAMES } from './catalog/built-in-roles';
import { Checked, refuse, valid } from './role.errors';

/** Role names are unique per tenant ignoring surrounding spaces, case and Unicode form. */
export const normalizeRoleName = (name: string): string =>
  name.trim().normalize('NFC').toLowerCase();

const builtInKeys = new Set(BUILT_IN_ROLE_NAMES.map(normalizeRoleName));

/** The trimmed name, refused when malformed or when it would pass for a built-in role. */
export function checkRoleName(raw: string): Checked<string> {
  const name = raw.trim();
  if (!permissionsNameSchema.safeParse(name).success) {
    return refuse(
      'invalid-name',
      'the name must be 1-100 characters without "/", "\\" or control characters',
      'name',
    );
  }
  if (builtInKeys.has(normalizeRoleName(name))) {
    return refuse('name-taken', `${JSON.stringify(name)} is the name of a built-in role`, 'name');
  }
  return valid(name);
}
