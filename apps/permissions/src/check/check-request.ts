import { PERMISSION_NAME } from '@extapps/contracts';
import { FieldError, ValidationFailedException } from '@extapps/platform';
import { AccessQuery } from '../access/access-decision';

/** The most checks one batch request may carry. */
export const MAX_BATCH_CHECKS = 1000;

/** entityIdSchema's rule, tested directly (see parseCheck). */
const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const PRINCIPAL_ID_MAX = 200;
const CHECK_KEYS = new Set(['principal', 'permission', 'tenant', 'folder']);

type Body = Record<string, unknown>;
const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `{principal: {type, id}, permission, tenant, folder?}` → an AccessQuery, or a 400 listing every
 * bad field. Hand-written rather than zod (check-schemas.ts documents the same shape, and a spec
 * holds the two together): the check path is benchmarked, and this costs a tenth of a parse.
 */
export function parseCheck(body: unknown): AccessQuery {
  const errors: FieldError[] = [];
  const query = readCheck(body, '', errors);
  if (errors.length > 0) throw new ValidationFailedException(errors);
  return query as AccessQuery;
}

/** `{checks: [...]}` with 1 to MAX_BATCH_CHECKS checks; errors name `checks.<i>.<field>`. */
export function parseBatch(body: unknown): AccessQuery[] {
  if (!isObject(body)) {
    throw new ValidationFailedException([{ field: '', message: 'must be a JSON object' }]);
  }
  const errors: FieldError[] = [];
  unknownKeys(body, BATCH_KEYS, '', errors);
  const checks = body['checks'];
  if (!Array.isArray(checks) || checks.length === 0 || checks.length > MAX_BATCH_CHECKS) {
    errors.push({
      field: 'checks',
      message: `must be an array of 1 to ${MAX_BATCH_CHECKS} checks`,
    });
    throw new ValidationFailedException(errors);
  }
  const queries = checks.map((check, i) => readCheck(check, `checks.${i}.`, errors));
  if (errors.length > 0) throw new ValidationFailedException(errors);
  return queries as AccessQuery[];
}
const BATCH_KEYS = new Set(['checks']);

/** Undefined (with errors added) when the check is invalid. */
function readCheck(value: unknown, at: string, errors: FieldError[]): AccessQuery | undefined {
  if (!isObject(value)) {
    errors.push({ field: at.slice(0, -1), message: 'must be a JSON object' });
    return undefined;
  }
  const before = errors.length;
  const { principal, permission, tenant, folder } = value;
  readPrincipal(principal, `${at}principal`, errors);
  if (typeof permission !== 'string' || !PERMISSION_NAME.test(permission)) {
    errors.push({
      field: `${at}permission`,
      message: 'must look like Area.Action, e.g. Jobs.View',
    });
  }
  entityId(tenant, `${at}tenant`, errors);
  if (folder !== undefined) entityId(folder, `${at}folder`, errors);
  unknownKeys(value, CHECK_KEYS, at, errors);
  if (errors.length > before) return undefined;
  const p = principal as { type: 'app' | 'user'; id: string };
  return {
    principal: { type: p.type, id: p.id },
    permission: permission as string,
    tenantId: tenant as string,
    folderId: folder as string | undefined,
  };
}

function readPrincipal(value: unknown, at: string, errors: FieldError[]): void {
  if (!isObject(value)) {
    errors.push({ field: at, message: 'must be {"type": "app" | "user", "id": "..."}' });
    return;
  }
  const { type, id } = value;
  if (type !== 'app' && type !== 'user') {
    errors.push({ field: `${at}.type`, message: 'must be "app" or "user"' });
  }
  if (typeof id !== 'string' || id.length === 0 || id.length > PRINCIPAL_ID_MAX) {
    errors.push({
      field: `${at}.id`,
      message: `must be a string of 1 to ${PRINCIPAL_ID_MAX} characters`,
    });
  }
  unknownKeys(value, PRINCIPAL_KEYS, `${at}.`, errors);
}
const PRINCIPAL_KEYS = new Set(['type', 'id']);

function entityId(value: unknown, at: string, errors: FieldError[]): void {
  if (typeof value !== 'string' || !ENTITY_ID.test(value)) {
    errors.push({ field: at, message: 'must be 1-100 letters, digits, ".", "_" or "-"' });
  }
}

function unknownKeys(value: Body, known: ReadonlySet<string>, at: string, errors: FieldError[]) {
  for (const key in value) {
    if (!known.has(key)) errors.push({ field: `${at}${key}`, message: 'unknown field' });
  }
}
