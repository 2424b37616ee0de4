import { AuditRecord } from './audit-record';

/**
 * A normalized record waiting for the chainer in `audit_pending`. Keyed by event id, so a second
 * insert of the same event (a redelivery, a replay) is refused by the `_id` index itself: no
 * secondary index, no read-then-write, which FerretDB does not make atomic.
 *
 * The record is stored as one JSON string, not as nested fields: FerretDB 1.24 scans the whole
 * collection for the chainer's `_id: {$in}` delete, and its cost per scanned document grows with
 * every nested field it converts (a string costs about a tenth). A record is plain JSON values
 * (ISO strings for instants), so nothing is lost; the chain hashes the parsed record.
 */
export interface PendingAuditDocument {
  readonly _id: string;
  /** `JSON.stringify` of the AuditRecord. */
  readonly record: string;
}

/** The shape before records were stored as JSON: the record's fields at top level. */
export type LegacyPendingAuditDocument = AuditRecord & { readonly _id: string };

export function toPendingDocument(record: AuditRecord): PendingAuditDocument {
  return { _id: record.eventId, record: JSON.stringify(record) };
}

/** A pending document that holds no usable record; the chainer stops on it rather than lose it. */
export class MalformedPendingDocument extends Error {
  constructor(
    readonly id: unknown,
    reason: string,
  ) {
    super(`pending audit document ${JSON.stringify(id)} is malformed: ${reason}`);
    this.name = 'MalformedPendingDocument';
  }
}

const TEXT_FIELDS = [
  'eventType',
  'source',
  'occurredAt',
  'recordedAt',
  'action',
  'category',
  'correlationId',
] as const;
const OBJECT_FIELDS = ['actor', 'target', 'outcome'] as const;

/**
 * The record of a pending document, in either shape: `record` as JSON text (current) or the
 * fields at top level (legacy, so a backlog stored before the change is still chained). Throws
 * MalformedPendingDocument, naming the `_id`, on anything else: a bad document must not be
 * silently dropped. Checks the shape only as far as chaining needs it (the writer is this service).
 */
export function fromPendingDocument(stored: object): AuditRecord {
  const document = stored as Readonly<Record<string, unknown>>;
  const id = document['_id'];
  if (typeof id !== 'string') throw new MalformedPendingDocument(id, '_id is not a string');
  const fields =
    'record' in document ? parsedRecord(id, document['record']) : legacyFields(document);
  const eventId = fields['eventId'] ?? id;
  if (eventId !== id) {
    throw new MalformedPendingDocument(id, `it holds the record of event ${String(eventId)}`);
  }
  for (const field of TEXT_FIELDS) {
    if (typeof fields[field] !== 'string') throw missing(id, field, 'a string');
  }
  for (const field of OBJECT_FIELDS) {
    if (!isObject(fields[field])) throw missing(id, field, 'an object');
  }
  return { ...fields, eventId } as unknown as AuditRecord;
}

function parsedRecord(id: string, text: unknown): Record<string, unknown> {
  if (typeof text !== 'string') throw new MalformedPendingDocument(id, 'record is not a string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MalformedPendingDocument(id, `record is not JSON (${(error as Error).message})`);
  }
  if (!isObject(parsed)) throw new MalformedPendingDocument(id, 'record is not a JSON object');
  return parsed;
}

function legacyFields(document: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...document };
  delete fields['_id'];
  return fields;
}

function missing(id: string, field: string, expected: string): MalformedPendingDocument {
  return new MalformedPendingDocument(id, `${field} is not ${expected}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
