/**
 * The record format (AuditRecord, ChainedAuditRecord and their parts) is a published contract in
 * `@extapps/contracts` (audit), beside the canonical form and chain hash that cover it, so an
 * outside verifier and the tools use the very definitions the service hashes with.
 */
export type {
  AuditActor,
  AuditCategory,
  AuditChanges,
  AuditOutcome,
  AuditRecord,
  AuditTarget,
  ChainedAuditRecord,
} from '@extapps/contracts';

/**
 * How the two halves of the service meet (see docs): ingestion inserts each normalized record into
 * `audit_pending` under `_id: eventId` as JSON text (`pending-record.ts`; a duplicate insert is
 * ignored); the chainer, one leased worker, moves pending records into `audit_records` under
 * `_id: seq` (1, 2, ...) with the hash chain fields, and only then deletes them from
 * `audit_pending`. Queries read `audit_records`.
 */
export const AuditCollections = {
  pending: 'audit_pending',
  records: 'audit_records',
} as const;
