import { StoredRecord } from '../chain/chain-documents';
import { GENESIS } from '../chain/chain-head';
import { chainRecord } from '@extapps/contracts';
import { auditRecord } from '../chain/testing/audit-records';
import { testKeyring } from '../chain/testing/signing-keys';
import { checkCheckpoint, CheckpointDocument, signCheckpoint } from '../checkpoints/checkpoint';
import { ChainWalkInput, walkChain } from './chain-walk';

const keyring = testKeyring();

function chainOf(count: number): StoredRecord[] {
  const records: StoredRecord[] = [];
  let prev = GENESIS.hash;
  for (let seq = 1; seq <= count; seq++) {
    const record = chainRecord(auditRecord(), seq, prev);
    records.push({ ...record, _id: seq });
    prev = record.hash;
  }
  return records;
}

const checkpointsAt = (records: StoredRecord[], seqs: number[]) =>
  Promise.all(
    seqs.map((seq) => {
      const { hash, recordedAt } = records[seq - 1];
      return signCheckpoint({ seq, hash, recordedAt, signedAt: recordedAt }, keyring);
    }),
  );

async function* stream<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}

function walk(records: StoredRecord[], checkpoints: CheckpointDocument[], headSeq = 6) {
  const input: ChainWalkInput = {
    start: { from: 'genesis', ...GENESIS },
    headSeq,
    records: stream(records),
    checkpoints: stream(checkpoints),
    checkCheckpoint: (checkpoint) => checkCheckpoint(checkpoint, keyring),
  };
  return walkChain(input);
}

describe('walkChain', () => {
  it('given an untouched chain, then there is no broken link and everything is counted', async () => {
    const records = chainOf(6);
    const checkpoints = await checkpointsAt(records, [3, 6]);

    const outcome = await walk(records, checkpoints);

    expect(outcome).toEqual({
      brokenLink: null,
      records: 6,
      checkpoints: 2,
      lastCheckpoint: expect.objectContaining({ seq: 6, hash: records[5].hash }),
    });
  });

  it('given records chained after the run started, then they are left for the next run', async () => {
    const records = chainOf(6);

    expect(await walk(records, [], 4)).toMatchObject({ brokenLink: null, records: 4 });
  });

  it('given an edited field, then the record is reported as edited', async () => {
    const records = chainOf(6);
    records[2] = { ...records[2], outcome: { status: 'failure', reason: 'edited' } };

    expect((await walk(records, [])).brokenLink).toMatchObject({ kind: 'edited-record', seq: 3 });
  });

  it('given a deleted record, then the first missing seq is reported', async () => {
    const records = chainOf(6);
    records.splice(1, 2);

    expect((await walk(records, [])).brokenLink).toMatchObject({ kind: 'deleted-record', seq: 2 });
  });

  it('given two records swapped, then the first misplaced seq is reported as reordered', async () => {
    const records = chainOf(6);
    const [third, fourth] = [records[2], records[3]];
    records[2] = { ...fourth, _id: 3 };
    records[3] = { ...third, _id: 4 };

    expect((await walk(records, [])).brokenLink).toMatchObject({
      kind: 'reordered-records',
      seq: 3,
    });
  });

  it('given a record moved with its seq rewritten and rehashed, then the broken link names it', async () => {
    const records = chainOf(6);
    records[3] = { ...chainRecord(records[3], 4, records[1].hash), _id: 4 };

    expect((await walk(records, [])).brokenLink).toMatchObject({
      kind: 'reordered-records',
      seq: 4,
    });
  });

  it('given the tail cut below the last checkpoint, then the tail is reported as truncated', async () => {
    const records = chainOf(6);
    const checkpoints = await checkpointsAt(records, [3, 5]);

    const outcome = await walk(records.slice(0, 3), checkpoints, 3);

    expect(outcome.brokenLink).toMatchObject({ kind: 'truncated-tail', seq: 4 });
  });

  it('given the tail cut below the head seen at the start, then the tail is reported as truncated', async () => {
    const records = chainOf(6);

    expect((await walk(records.slice(0, 4), [], 6)).brokenLink).toMatchObject({
      kind: 'truncated-tail',
      seq: 5,
    });
  });

  it('given a checkpoint with a hash changed, then it is reported as forged', async () => {
    const records = chainOf(6);
    const checkpoints = await checkpointsAt(records, [3, 6]);
    checkpoints[0] = { ...checkpoints[0], hash: records[1].hash };

    expect((await walk(records, checkpoints)).brokenLink).toMatchObject({
      kind: 'forged-checkpoint',
      seq: 3,
    });
  });

  it('given a chain rewritten consistently from a record on, then the checkpoint after it does not match', async () => {
    const records = chainOf(6);
    const checkpoints = await checkpointsAt(records, [5]);
    let prev = records[1].hash;
    for (let index = 2; index < 6; index++) {
      const edited = index === 2 ? { ...records[index], action: 'app.edited' } : records[index];
      records[index] = { ...chainRecord(edited, index + 1, prev), _id: index + 1 };
      prev = records[index].hash;
    }

    expect((await walk(records, checkpoints)).brokenLink).toMatchObject({
      kind: 'checkpoint-mismatch',
      seq: 5,
    });
  });
});
