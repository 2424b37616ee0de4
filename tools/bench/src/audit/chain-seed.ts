import { chainHash, GENESIS_HASH } from '@extapps/contracts';
import { Connection } from 'mongoose';
import { Random } from '../permissions/random';
import { RecordShape, seedApps, seedRecord } from './seed-records';

/** The service's collections the seed writes (see apps/audit README, "Verification"). */
const RECORDS = 'audit_records';
const CHAIN_STATE = 'audit_chain';

export interface ChainSeed {
  readonly records: number;
  readonly seconds: number;
  readonly apps: readonly string[];
  readonly start: Date;
  readonly end: Date;
}

/**
 * Writes `shape.records` chained records straight into audit_records, as the chainer would
 * (`_id` = seq, prevHash, hash by the published chain format in `@extapps/contracts`), `batch` per insertMany, without
 * holding them all; then the chainer's `head` hint, so the service finds the head at once
 * instead of probing a million `_id`s. No event id marks (only GET …/records/{eventId} uses
 * them) and no checkpoints.
 */
export async function seedChain(
  db: Connection,
  shape: RecordShape,
  batch: number,
  log: (line: string) => void,
): Promise<ChainSeed> {
  const random = new Random(11);
  const apps = seedApps(shape.apps, random);
  const records = db.collection(RECORDS);
  let prevHash = GENESIS_HASH;
  let recordedAt = '';
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  let nextReport = 10;
  for (let from = 0; from < shape.records; from += batch) {
    const documents = [];
    for (let i = from; i < Math.min(shape.records, from + batch); i++) {
      const seq = i + 1;
      const record = seedRecord(i, shape, apps, random);
      const hash = chainHash(prevHash, record, seq);
      documents.push({ _id: seq, ...record, seq, prevHash, hash });
      prevHash = hash;
      recordedAt = record.recordedAt;
    }
    await records.insertMany(documents as object[], { ordered: true });
    if (seconds() >= nextReport) {
      log(`[query] seeded ${from + documents.length} records in ${seconds().toFixed(0)} s`);
      nextReport += 10;
    }
  }
  const head = {
    seq: shape.records,
    hash: prevHash,
    recordedAt,
    updatedAt: new Date().toISOString(),
  };
  await db.collection(CHAIN_STATE).insertOne({ _id: 'head', ...head } as object);
  const end = new Date(shape.start.getTime() + shape.spanDays * 86_400_000);
  return { records: shape.records, seconds: seconds(), apps, start: shape.start, end };
}
