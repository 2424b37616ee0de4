import { RecordView } from '../query/record-view';

/** One column: its header and its cell for a record (null: an empty cell). */
const COLUMNS: readonly [string, (r: RecordView) => string | number | null][] = [
  ['seq', (r) => r.seq],
  ['eventId', (r) => r.eventId],
  ['occurredAt', (r) => r.occurredAt],
  ['recordedAt', (r) => r.recordedAt],
  ['actorType', (r) => r.actor.type],
  ['actorId', (r) => r.actor.id],
  ['actorDisplayName', (r) => r.actor.displayName],
  ['action', (r) => r.action],
  ['category', (r) => r.category],
  ['targetType', (r) => r.target.type],
  ['targetId', (r) => r.target.id],
  ['targetName', (r) => r.target.name],
  ['outcome', (r) => r.outcome.status],
  ['outcomeReason', (r) => r.outcome.reason],
  ['sourceIp', (r) => r.sourceIp],
  ['userAgent', (r) => r.userAgent],
  ['correlationId', (r) => r.correlationId],
  ['eventType', (r) => r.eventType],
  ['source', (r) => r.source],
  ['changesBefore', (r) => (r.changes ? JSON.stringify(r.changes.before) : null)],
  ['changesAfter', (r) => (r.changes ? JSON.stringify(r.changes.after) : null)],
  ['prevHash', (r) => r.prevHash],
  ['hash', (r) => r.hash],
];

// RFC 4180 lines end in CRLF.
export const CSV_HEADER = `${COLUMNS.map(([name]) => name).join(',')}\r\n`;

export function csvLine(record: RecordView): string {
  return `${COLUMNS.map(([, cell]) => csvCell(cell(record))).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting, and a leading `'` on text a spreadsheet would run as a formula (OWASP CSV
 * injection): names, user agents and changes come from callers. JSON Lines keeps values exact.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralized(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function neutralized(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
