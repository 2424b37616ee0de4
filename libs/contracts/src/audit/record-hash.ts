import { createHash } from 'node:crypto';
import { AuditRecord, ChainedAuditRecord } from './audit-record';
import { canonicalJson } from './canonical-json';

/** The prevHash of seq 1: 64 zeros, the width of every other hash. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields a record's hash covers: every AuditRecord field (typed as a complete map, so a field
 * added to AuditRecord does not compile until it is listed here) plus `seq`. Other fields a stored
 * document may carry (derived search keys) are not covered.
 */
const HASHED: Record<keyof AuditRecord | 'seq', true> = {
  eventId: true,
  eventType: true,
  source: true,
  occurredAt: true,
  recordedAt: true,
  actor: true,
  action: true,
  category: true,
  target: true,
  outcome: true,
  sourceIp: true,
  userAgent: true,
  correlationId: true,
  changes: true,
  seq: true,
};
export const HASHED_FIELDS = Object.keys(HASHED) as readonly (keyof typeof HASHED)[];

/** The hashed fields of `record` at `seq`, as canonical JSON (a missing field stays missing). */
export function canonicalRecord(record: AuditRecord, seq: number): string {
  const source = { ...record, seq } as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS) picked[field] = source[field];
  return canonicalJson(picked);
}

/**
 * hash = hex SHA-256 of the UTF-8 bytes of `prevHash + canonicalRecord(record, seq)`. prevHash has
 * a fixed width (64 hex digits), so the concatenation is unambiguous.
 */
export function chainHash(prevHash: string, record: AuditRecord, seq: number): string {
  return createHash('sha256')
    .update(prevHash + canonicalRecord(record, seq), 'utf8')
    .digest('hex');
}

/** The record as stored at `seq` after `prevHash`. */
export function chainRecord(
  record: AuditRecord,
  seq: number,
  prevHash: string,
): ChainedAuditRecord {
  return { ...record, seq, prevHash, hash: chainHash(prevHash, record, seq) };
}
