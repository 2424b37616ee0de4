import { readFileSync } from 'node:fs';
import { Parsed } from '@extapps/platform';
import { PermissionCatalog, permissionCatalogSchema } from './permission-catalog';

/** The catalog a PERMISSION_CATALOG_FILE holds, read and validated while the config loads. */
export interface PermissionCatalogFile {
  readonly path: string;
  readonly catalog: PermissionCatalog;
}

const fail = (reason: string): Parsed<PermissionCatalogFile> => ({ ok: false, reason });

/**
 * Reads the file once at start-up: a missing, unreadable or invalid catalog stops the service with
 * a ConfigError naming the setting, instead of refusing roles later for a confusing reason.
 */
export function parsePermissionCatalogFile(path: string): Parsed<PermissionCatalogFile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return fail(`cannot read ${JSON.stringify(path)} (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(`${JSON.stringify(path)} is not valid JSON`);
  }
  const catalog = permissionCatalogSchema.safeParse(json);
  if (!catalog.success) {
    const issues = catalog.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return fail(`${JSON.stringify(path)} is not a valid permission catalog: ${issues.join('; ')}`);
  }
  return { ok: true, value: { path, catalog: catalog.data } };
}
