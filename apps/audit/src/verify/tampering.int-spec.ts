import { mongoTestDatabase } from '@extapps/event-store/testing';
import { chainRecord } from '@extapps/contracts';
import { recordsFrom } from '../chain/testing/audit-records';
import { ChainFixture, freshChainFixture } from '../chain/testing/chain-fixture';
import { testKeyring } from '../chain/testing/signing-keys';
import { signCheckpoint } from '../checkpoints/checkpoint';

const connection = mongoTestDatabase('audit-tampering');

/** Six records, checkpoints at 1, 3 and 5 (the first at once, then every two records). */
async function chainOfSix(): Promise<ChainFixture> {
  const f = await freshChainFixture(connection(), { policy: { everyRecords: 2 } });
  await f.ingest(recordsFrom('2026-03-01T10:00:00.000Z', 6));
  await f.chainAll();
  return f;
}

async function brokenLinkOf(f: ChainFixture) {
  const report = await f.verifier().verify();
  if (report.status !== 'broken') throw new Error(`expected a broken chain, got ${report.status}`);
  return report.brokenLink;
}

describe('verification against tampering done directly in MongoDB', () => {
  it('given an untouched chain, then it is intact with its head and last checkpoint', async () => {
    const f = await chainOfSix();
    const stored = await f.stored();

    expect(await f.verifier().verify()).toEqual({
      status: 'intact',
      checkedAt: f.clock.now().toISOString(),
      start: { from: 'genesis', seq: 0, hash: '0'.repeat(64) },
      head: { seq: 6, hash: stored[5].hash },
      records: 6,
      checkpoints: 3,
      lastCheckpoint: {
        seq: 5,
        hash: stored[4].hash,
        recordedAt: stored[4].recordedAt,
        signedAt: f.clock.now().toISOString(),
        keyId: f.keyring.signer().kid,
      },
    });
  });

  it('detects an edited field', async () => {
    const f = await chainOfSix();
    await f.raw.records().updateOne({ _id: 4 }, { $set: { 'actor.displayName': 'Mallory' } });

    expect(await brokenLinkOf(f)).toMatchObject({ kind: 'edited-record', seq: 4 });
  });

  it('detects a deleted record', async () => {
    const f = await chainOfSix();
    await f.raw.records().deleteOne({ _id: 3 });

    expect(await brokenLinkOf(f)).toMatchObject({ kind: 'deleted-record', seq: 3 });
  });

  it('detects a reordering (two records swapped)', async () => {
    const f = await chainOfSix();
    const [third, fourth] = (await f.stored()).slice(2, 4);
    await f.raw.records().deleteMany({ _id: { $in: [3, 4] } });
    await f.raw.records().insertMany([
      { ...fourth, _id: 3 },
      { ...third, _id: 4 },
    ]);

    expect(await brokenLinkOf(f)).toMatchObject({ kind: 'reordered-records', seq: 3 });
  });

  it('detects a truncated tail against the last checkpoint, even with the head hint moved back', async () => {
    const f = await chainOfSix();
    const stored = await f.stored();
    await f.raw.records().deleteMany({ _id: { $gte: 5 } });
    await f.raw.state().updateOne({ _id: 'head' }, { $set: { seq: 4, hash: stored[3].hash } });

    expect(await brokenLinkOf(f)).toMatchObject({ kind: 'truncated-tail', seq: 5 });
  });

  it('detects a forged checkpoint: a hash changed beside its signature', async () => {
    const f = await chainOfSix();
    const stored = await f.stored();
    await f.raw.checkpoints().updateOne({ _id: 3 }, { $set: { hash: stored[1].hash } });

    expect(await brokenLinkOf(f)).toMatchObject({ kind: 'forged-checkpoint', seq: 3 });
  });

  it('detects a forged checkpoint: signed with a key that is not ours', async () => {
    const f = await chainOfSix();
    const genuine = await f.checkpoints.at(5);
    if (!genuine) throw new Error('checkpoint 5 was not signed');
    const { seq, hash, recordedAt, signedAt } = genuine;
    const forged = await signCheckpoint({ seq, hash, recordedAt, signedAt }, testKeyring());
    await f.raw.checkpoints().replaceOne({ _id: 5 }, forged);

    expect(await brokenLinkOf(f)).toMatchObject({
      kind: 'forged-checkpoint',
      seq: 5,
      detail: expect.stringContaining('unknown-key'),
    });
  });

  it('detects a chain rewritten with valid hashes from an edited record on, at its checkpoint', async () => {
    const f = await chainOfSix();
    const stored = await f.stored();
    let prev = stored[1].hash;
    for (const record of stored.slice(2)) {
      const edited = record.seq === 3 ? { ...record, action: 'app.deleted' } : record;
      const rewritten = chainRecord(edited, record.seq, prev);
      await f.raw.records().replaceOne({ _id: record.seq }, rewritten);
      prev = rewritten.hash;
    }

    expect(await brokenLinkOf(f)).toMatchObject({ kind: 'checkpoint-mismatch', seq: 3 });
  });
});
