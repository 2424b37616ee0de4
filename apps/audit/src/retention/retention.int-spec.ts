import { mongoTestDatabase } from '@extapps/event-store/testing';
import { ManualClock } from '@extapps/testing';
import { recordsFrom } from '../chain/testing/audit-records';
import { ChainFixture, freshChainFixture } from '../chain/testing/chain-fixture';
import { RetentionJob } from './retention-job';

const connection = mongoTestDatabase('audit-retention');
const DAY = 86_400_000;

/** Ten records a day apart from 1 March; checkpoints at 1, 4, 7 and 10. */
async function tenDays() {
  const clock = new ManualClock('2026-03-10T12:00:00.000Z');
  const f = await freshChainFixture(connection(), { clock, policy: { everyRecords: 3 } });
  const records = recordsFrom('2026-03-01T00:00:00.000Z', 10, DAY);
  await f.ingest(records);
  await f.chainAll();
  return { f, clock, records, stored: await f.stored() };
}

const retention = (f: ChainFixture, clock: ManualClock, maxAgeDays: number) =>
  new RetentionJob({ ...f, clock, maxAgeDays });

const seqs = (documents: readonly { _id: number }[]) => documents.map((d) => d._id);

describe('retention on MongoDB-wire, with a manual clock', () => {
  it('removes records older than the age up to a checkpoint, and the chain verifies from it', async () => {
    const { f, clock, stored } = await tenDays();
    clock.set('2026-03-15T00:00:00.000Z');

    // Cut-off 8 March: records 1-7 are older; checkpoint 7 is the newest of them.
    const outcome = await retention(f, clock, 7).runOnce();

    expect(outcome).toEqual({ kind: 'removed', horizon: 7, records: 7, checkpoints: 2 });
    expect(seqs(await f.stored())).toEqual([8, 9, 10]);
    expect(seqs(await f.raw.checkpoints().find({}).sort({ _id: 1 }).toArray())).toEqual([7, 10]);
    expect(await f.verifier().verify()).toMatchObject({
      status: 'intact',
      start: { from: 'checkpoint', seq: 7, hash: stored[6].hash },
      head: { seq: 10 },
      records: 3,
    });
  });

  it('keeps records past the last old-enough checkpoint: the age is a lower bound', async () => {
    const { f, clock } = await tenDays();
    clock.set('2026-03-15T00:00:00.000Z');

    // Cut-off 9 March: record 8 is older too, but no checkpoint after 7 is.
    expect(await retention(f, clock, 6).runOnce()).toMatchObject({ horizon: 7, records: 7 });
    expect(seqs(await f.stored())).toEqual([8, 9, 10]);
  });

  it('given nothing old enough, then nothing is removed', async () => {
    const { f, clock } = await tenDays();

    expect(await retention(f, clock, 30).runOnce()).toEqual({ kind: 'nothing-due', horizon: 0 });
    expect(await f.stored()).toHaveLength(10);
  });

  it('keeps chaining after the horizon, and a later run moves it on', async () => {
    const { f, clock } = await tenDays();
    clock.set('2026-03-15T00:00:00.000Z');
    await retention(f, clock, 7).runOnce();
    await f.ingest(recordsFrom('2026-03-15T00:00:00.000Z', 2, DAY));
    await f.chainAll();
    clock.set('2026-03-20T00:00:00.000Z');

    expect(await retention(f, clock, 7).runOnce()).toMatchObject({ horizon: 10, records: 3 });
    expect(await f.verifier().verify()).toMatchObject({
      status: 'intact',
      start: { seq: 10 },
      head: { seq: 12 },
      records: 2,
    });
  });

  it('given a run that died after moving the horizon, then verification ignores the leftovers and the next run removes them', async () => {
    const { f, clock, stored } = await tenDays();
    clock.set('2026-03-15T00:00:00.000Z');
    await f.chain.advanceState('retention', { seq: 7, hash: stored[6].hash });

    expect(await f.verifier().verify()).toMatchObject({ status: 'intact', records: 3 });
    expect(await retention(f, clock, 7).runOnce()).toEqual({
      kind: 'removed',
      horizon: 7,
      records: 7,
      checkpoints: 2,
    });
  });

  it('given an event delivered again after its record was removed, then nothing is added', async () => {
    const { f, clock, records } = await tenDays();
    clock.set('2026-03-15T00:00:00.000Z');
    await retention(f, clock, 7).runOnce();

    await f.ingest([records[0]]);
    await f.chainAll();

    expect(seqs(await f.stored())).toEqual([8, 9, 10]);
    expect(await f.raw.pending().countDocuments()).toBe(0);
  });

  it('given the checkpoint to cut at does not verify, then it refuses and removes nothing', async () => {
    const { f, clock, stored } = await tenDays();
    clock.set('2026-03-15T00:00:00.000Z');
    await f.raw.checkpoints().updateOne({ _id: 7 }, { $set: { hash: stored[5].hash } });

    expect(await retention(f, clock, 7).runOnce()).toEqual({
      kind: 'refused',
      seq: 7,
      reason: 'checkpoint 7 is not valid (altered)',
    });
    expect(await f.stored()).toHaveLength(10);
  });

  it('given the starting checkpoint deleted afterwards, then verification reports it missing', async () => {
    const { f, clock } = await tenDays();
    clock.set('2026-03-15T00:00:00.000Z');
    await retention(f, clock, 7).runOnce();
    await f.raw.checkpoints().deleteOne({ _id: 7 });

    expect(await f.verifier().verify()).toMatchObject({
      status: 'broken',
      brokenLink: { kind: 'missing-checkpoint', seq: 7 },
    });
  });
});
