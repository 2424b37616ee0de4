import { Clock } from '@extapps/contracts';
import { Lease } from '@extapps/event-store';
import { ManualClock } from '@extapps/testing';
import { Connection, mongo } from 'mongoose';
import { CheckpointDocument } from '../../checkpoints/checkpoint';
import { CheckpointPolicy } from '../../checkpoints/checkpoint-policy';
import { CheckpointStore } from '../../checkpoints/checkpoint-store';
import { CheckpointWriter } from '../../checkpoints/checkpoint-writer';
import { Keyring } from '../../checkpoints/keyring';
import { AuditCollections, AuditRecord } from '../../records/audit-record';
import {
  LegacyPendingAuditDocument,
  PendingAuditDocument,
  toPendingDocument,
} from '../../records/pending-record';
import { ChainVerifier } from '../../verify/chain-verifier';
import { ChainCollections, ChainStateDocument, EventMark, StoredRecord } from '../chain-documents';
import { ChainStore } from '../chain-store';
import { Chainer } from '../chainer';
import { testKeyring } from './signing-keys';

export interface ChainFixtureOptions {
  readonly clock?: Clock;
  readonly keyring?: Keyring;
  readonly policy?: Partial<CheckpointPolicy>;
}

/**
 * The chain's stores on a test database, with raw collections for tampering and inspection.
 * Chainers made here poll slowly and run with a tiny backoff; tests call runOnce or wake them.
 */
export function chainFixture(connection: Connection, options: ChainFixtureOptions = {}) {
  const clock = options.clock ?? new ManualClock('2026-03-01T00:00:00.000Z');
  const keyring = options.keyring ?? testKeyring();
  const policy = { everyRecords: 5, everyMs: 60_000, ...options.policy };
  const db = (): mongo.Db => {
    if (!connection.db) throw new Error('the test database is not open');
    return connection.db;
  };
  const chain = new ChainStore(connection, () => clock.now());
  const checkpoints = new CheckpointStore(connection);
  const raw = {
    pending: () =>
      db().collection<PendingAuditDocument | LegacyPendingAuditDocument>(AuditCollections.pending),
    records: () => db().collection<StoredRecord>(AuditCollections.records),
    marks: () => db().collection<EventMark>(ChainCollections.eventIds),
    state: () => db().collection<ChainStateDocument>(ChainCollections.state),
    checkpoints: () => db().collection<CheckpointDocument>(ChainCollections.checkpoints),
  };
  const chainer = (more: { lease?: Lease; batchSize?: number } = {}) =>
    new Chainer({
      store: chain,
      checkpoints: new CheckpointWriter({ store: checkpoints, keyring, clock, policy }),
      lease: more.lease,
      batchSize: more.batchSize ?? 50,
      pollIntervalMs: 60_000,
      backoff: { initialMs: 10, maxMs: 50 },
    });
  return {
    clock,
    keyring,
    chain,
    checkpoints,
    raw,
    chainer,
    verifier: (verifyWith: Keyring = keyring) =>
      new ChainVerifier({ chain, checkpoints, keyring: verifyWith, clock }),
    /** What ingestion does: one pending document per record, keyed by eventId. */
    ingest: async (records: readonly AuditRecord[]) => {
      await raw.pending().insertMany(records.map(toPendingDocument));
    },
    /** What ingestion did before records were stored as JSON text: the fields at top level. */
    ingestLegacy: async (records: readonly AuditRecord[]) => {
      await raw.pending().insertMany(records.map((record) => ({ _id: record.eventId, ...record })));
    },
    /** The stored chain in seq order. */
    stored: () => raw.records().find({}).sort({ _id: 1 }).toArray(),
    /** Chains everything pending with one chainer, pass after pass. */
    chainAll: async () => {
      const worker = chainer();
      while ((await worker.runOnce()) === 'more');
    },
  };
}

export type ChainFixture = ReturnType<typeof chainFixture>;

/** A fixture on emptied collections (leases excepted), so each test starts a chain of its own. */
export async function freshChainFixture(
  connection: Connection,
  options: ChainFixtureOptions = {},
): Promise<ChainFixture> {
  const db = connection.db;
  if (!db) throw new Error('the test database is not open');
  for (const { name } of await db.listCollections().toArray()) {
    if (name !== 'leases') await db.dropCollection(name);
  }
  return chainFixture(connection, options);
}
