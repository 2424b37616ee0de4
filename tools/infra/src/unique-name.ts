import { randomBytes } from 'node:crypto';

const MAX_PREFIX = 24;

/**
 * A short name nobody else in this run uses, for per-suite Kafka topics, consumer groups and
 * MongoDB databases. Lowercase [a-z0-9-] only; at most 24 + 1 + 12 = 37 characters, under
 * MongoDB's 38-byte database name limit (older servers) and far under Kafka's 249.
 */
export function uniqueName(prefix: string): string {
  const clean = prefix
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_PREFIX)
    .replace(/-+$/, '');
  const suffix = Date.now().toString(36).slice(-6) + randomBytes(3).toString('hex');
  return clean ? `${clean}-${suffix}` : `t-${suffix}`;
}
