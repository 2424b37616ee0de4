import { readFileSync } from 'node:fs';
import { ResourceCatalog, resourceCatalogSchema } from '@extapps/contracts';
import { Parsed } from './settings';

/** The catalog a RESOURCE_CATALOG_FILE holds, read and validated while the config loads. */
export interface CatalogFile {
  readonly path: string;
  readonly catalog: ResourceCatalog;
}

const fail = (reason: string): Parsed<CatalogFile> => ({ ok: false, reason });

/**
 * Reads the file once at start-up: a missing, unreadable or invalid catalog stops the service
 * with a ConfigError naming the setting, instead of failing the first request that needs it.
 */
export function parseCatalogFile(path: string): Parsed<CatalogFile> {
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
  const catalog = resourceCatalogSchema.safeParse(json);
  if (!catalog.success) {
    const issues = catalog.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return fail(`${JSON.stringify(path)} is not a valid resource catalog: ${issues.join('; ')}`);
  }
  return { ok: true, value: { path, catalog: catalog.data } };
}
