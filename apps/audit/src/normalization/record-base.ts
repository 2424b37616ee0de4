import { EventEnvelope } from '@extapps/contracts';
import {
  AuditCategory,
  AuditChanges,
  AuditOutcome,
  AuditRecord,
  AuditTarget,
} from '../records/audit-record';

/** Where and when an event was received: what the event itself cannot say. */
export interface NormalizeContext {
  /** The topic it was read from. */
  readonly source: string;
  readonly recordedAt: Date;
}

/** The part of a record that depends on the event type; the rest comes from the envelope. */
export interface RecordFacts {
  readonly action: string;
  readonly category: AuditCategory;
  readonly target: AuditTarget;
  readonly outcome: AuditOutcome;
  readonly changes: AuditChanges | null;
}

/**
 * The record of one event: envelope fields plus the type-specific facts. Every value is defined
 * (null where unknown): a stored `undefined` would vanish in MongoDB and change the hashed form.
 */
export function recordOf(
  event: EventEnvelope,
  context: NormalizeContext,
  facts: RecordFacts,
): AuditRecord {
  const { actor } = event;
  return {
    eventId: event.eventId,
    eventType: event.type,
    source: context.source,
    // Re-serialized: the contract accepts any precision, the record wants fixed-width strings.
    occurredAt: new Date(event.occurredAt).toISOString(),
    recordedAt: context.recordedAt.toISOString(),
    actor: { type: actor.type, id: actor.id, displayName: actor.displayName ?? null },
    action: facts.action,
    category: facts.category,
    target: facts.target,
    outcome: facts.outcome,
    sourceIp: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    correlationId: event.correlationId,
    changes: facts.changes,
  };
}

export const succeeded: AuditOutcome = { status: 'success', reason: null };

export const failed = (reason: string): AuditOutcome => ({ status: 'failure', reason });

export const target = (type: string, id: string, name: string | null = null): AuditTarget => ({
  type,
  id,
  name,
});

export const changed = (before: unknown, after: unknown): AuditChanges => ({ before, after });

/** Sound for the exhaustive switches: the value is `never` once every case is handled. */
export function unknownEvent(event: never): never {
  throw new Error(`no audit mapping for event ${JSON.stringify((event as EventEnvelope).type)}`);
}
