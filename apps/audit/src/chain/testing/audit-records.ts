import { newEventId } from '@extapps/contracts';
import { AuditRecord } from '../../records/audit-record';

let counter = 0;

/** A small, valid record; each call is recorded one millisecond after the previous one. */
export function auditRecord(overrides: Partial<AuditRecord> = {}): AuditRecord {
  counter += 1;
  const at = new Date(Date.UTC(2026, 0, 1) + counter).toISOString();
  return {
    eventId: newEventId(),
    eventType: 'ExternalAppRenamed',
    source: 'extapps.registration.events.v1',
    occurredAt: at,
    recordedAt: at,
    actor: { type: 'user', id: 'alice', displayName: 'Alice' },
    action: 'app.renamed',
    category: 'app-management',
    target: { type: 'app', id: 'app-1', name: 'Payroll' },
    outcome: { status: 'success', reason: null },
    sourceIp: '203.0.113.7',
    userAgent: 'curl/8',
    correlationId: 'corr-1',
    changes: { before: { name: 'Pay' }, after: { name: 'Payroll' } },
    ...overrides,
  };
}

/** `count` records recorded `stepMs` apart from `from`. */
export function recordsFrom(from: string, count: number, stepMs = 1_000): AuditRecord[] {
  const start = Date.parse(from);
  return Array.from({ length: count }, (_, index) => {
    const at = new Date(start + index * stepMs).toISOString();
    return auditRecord({ occurredAt: at, recordedAt: at });
  });
}
