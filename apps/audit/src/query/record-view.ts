import { z } from 'zod';
import { AuditRecord } from '../records/audit-record';
import { AUDIT_CATEGORIES } from './query-schemas';

/** A chained record as `audit_records` holds it: `_id` is its place in the chain (seq). */
export interface StoredAuditRecord extends AuditRecord {
  readonly _id: number;
  readonly prevHash: string;
  readonly hash: string;
}

const instant = z.string().describe('ISO 8601 UTC instant, e.g. 2026-05-04T10:00:00.000Z');

export const recordViewSchema = z.object({
  /** Place in the hash chain: 1, 2, ... in recording order. */
  seq: z.number().int(),
  eventId: z.string(),
  eventType: z.string().describe('the source event type, e.g. ExternalAppRenamed'),
  source: z.string().describe('the topic the event came from'),
  occurredAt: instant,
  recordedAt: instant,
  actor: z.object({
    type: z.enum(['user', 'app', 'system']),
    id: z.string(),
    displayName: z.string().nullable(),
  }),
  action: z.string().describe('e.g. app.renamed, token.issued, client.authentication-failed'),
  category: z.enum(AUDIT_CATEGORIES),
  target: z.object({ type: z.string(), id: z.string(), name: z.string().nullable() }),
  outcome: z.object({
    status: z.enum(['success', 'failure']),
    reason: z.string().nullable().describe('why it failed; null on success'),
  }),
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  correlationId: z.string(),
  changes: z
    .object({ before: z.unknown(), after: z.unknown() })
    .nullable()
    .describe('before and after where the event carries or implies them'),
  prevHash: z.string().describe('the previous record’s hash'),
  hash: z.string().describe('covers prevHash and this record’s canonical form'),
});
export type RecordView = z.infer<typeof recordViewSchema>;

export const recordPageSchema = z.object({
  items: z.array(recordViewSchema),
  /** Pass as `cursor` (with the same order) for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type RecordPage = z.infer<typeof recordPageSchema>;

/** Field by field, so nothing stored beside the record (or missing from it) leaks into answers. */
export function toRecordView(stored: StoredAuditRecord): RecordView {
  return {
    seq: stored._id,
    eventId: stored.eventId,
    eventType: stored.eventType,
    source: stored.source,
    occurredAt: stored.occurredAt,
    recordedAt: stored.recordedAt,
    actor: stored.actor,
    action: stored.action,
    category: stored.category,
    target: stored.target,
    outcome: stored.outcome,
    sourceIp: stored.sourceIp,
    userAgent: stored.userAgent,
    correlationId: stored.correlationId,
    changes: stored.changes,
    prevHash: stored.prevHash,
    hash: stored.hash,
  };
}
