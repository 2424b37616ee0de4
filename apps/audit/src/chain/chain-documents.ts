import { Connection, ConnectionStates, mongo } from 'mongoose';
import { asDuplicateKeyConflict } from '@extapps/mongo';
import { ChainedAuditRecord } from '../records/audit-record';

/** The collections of the chain beside AuditCollections (all keyed by `_id` only: see below). */
export const ChainCollections = {
  /** Insert-only: `_id` is the eventId (attempt 1) or `<eventId>#<attempt>` (re-marks). */
  eventIds: 'audit_event_ids',
  /** Two documents: `head` (the chainer's hint) and `retention` (the horizon). */
  state: 'audit_chain',
  checkpoints: 'audit_checkpoints',
} as const;

/** A record in `audit_records`; `_id` is its seq. */
export type StoredRecord = ChainedAuditRecord & { readonly _id: number };

/** "eventId was given seq": written before the record, so a crash in between leaves a trace. */
export interface EventMark {
  readonly _id: string;
  readonly eventId: string;
  readonly seq: number;
  readonly attempt: number;
}

/** A position in the chain: the last record's seq and hash (seq 0: the genesis hash). */
export interface ChainPosition {
  readonly seq: number;
  readonly hash: string;
}

/** A position with the recordedAt of its record, when known (for time-based checkpoints). */
export interface ChainTip extends ChainPosition {
  readonly recordedAt?: string;
}

export interface ChainStateDocument extends ChainTip {
  readonly _id: 'head' | 'retention';
  readonly updatedAt: string;
}

/**
 * The driver's database, or an error when MongoDB is not connected. Why the driver and not mongoose
 * models: every chain write is an insert decided by a unique `_id`, and mongoose would buffer
 * writes while disconnected instead of failing the pass.
 */
export function databaseOf(connection: Connection): mongo.Db {
  const db = connection.db;
  if (!db || connection.readyState !== ConnectionStates.connected)
    throw new Error('MongoDB is not connected');
  return db;
}

/**
 * Inserts in order and returns how many went in before the first duplicate `_id` (all of them when
 * none); other errors are thrown. An ordered insert stops at its first failure, so the ones that
 * went in are always a prefix.
 */
export async function insertPrefix<T extends mongo.Document>(
  collection: mongo.Collection<T>,
  documents: readonly mongo.OptionalUnlessRequiredId<T>[],
): Promise<number> {
  if (documents.length === 0) return 0;
  try {
    await collection.insertMany([...documents], { ordered: true });
    return documents.length;
  } catch (error) {
    if (!asDuplicateKeyConflict(error)) throw error;
    return firstFailedIndex(error);
  }
}

function firstFailedIndex(error: unknown): number {
  const { writeErrors, insertedCount } = error as {
    writeErrors?: { index?: number } | { index?: number }[];
    insertedCount?: number;
  };
  const first = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
  if (typeof first?.index === 'number') return first.index;
  if (typeof insertedCount === 'number') return insertedCount;
  throw new Error('a duplicate key error without the failed position', { cause: error });
}
