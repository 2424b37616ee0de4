/**
 * One event of any service, normalized for compliance questions: who did what, when, to what,
 * with which outcome, from where, and what it looked like before and after.
 *
 * Instants are `Date.prototype.toISOString()` strings (fixed width, UTC), so string order is time
 * order and the canonical form hashed by the chain never depends on a driver's Date handling.
 */
export interface AuditRecord {
  /** The event's own id: unique, so a duplicate delivery adds nothing. */
  readonly eventId: string;
  readonly eventType: string;
  /** The topic it came from, e.g. `extapps.registration.events.v1`. */
  readonly source: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: AuditActor;
  /** Dotted and stable, e.g. `app.registered`, `token.issued`, `client.authentication-failed`. */
  readonly action: string;
  readonly category: AuditCategory;
  readonly target: AuditTarget;
  readonly outcome: AuditOutcome;
  readonly sourceIp: string | null;
  readonly userAgent: string | null;
  readonly correlationId: string;
  /** Null when the event carries no before/after (a token issued, a sign-in). */
  readonly changes: AuditChanges | null;
}

export interface AuditActor {
  readonly type: 'user' | 'app' | 'system';
  readonly id: string;
  readonly displayName: string | null;
}

export type AuditCategory =
  | 'app-management'
  | 'authentication'
  | 'token'
  | 'user-management'
  | 'permissions';

export interface AuditTarget {
  /** e.g. `app`, `secret`, `user`, `tenant`, `folder`, `role`, `assignment`, `token`. */
  readonly type: string;
  readonly id: string;
  readonly name: string | null;
}

export interface AuditOutcome {
  readonly status: 'success' | 'failure';
  /** Why it failed (e.g. the OAuth error code); null on success. */
  readonly reason: string | null;
}

export interface AuditChanges {
  readonly before: unknown;
  readonly after: unknown;
}

/** A record once chained, as stored in `audit_records` (`_id` is `seq`). */
export interface ChainedAuditRecord extends AuditRecord {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}
