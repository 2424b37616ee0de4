import { mongoTestDatabase } from '@extapps/event-store/testing';
import { recordsFrom } from './testing/audit-records';
import { freshChainFixture } from './testing/chain-fixture';

const connection = mongoTestDatabase('audit-pending-shapes');

describe('the chainer reading pending documents on MongoDB-wire', () => {
  it('stores a pending record as JSON text under its event id', async () => {
    const f = await freshChainFixture(connection());
    const [record] = recordsFrom('2026-03-01T10:00:00.000Z', 1);

    await f.ingest([record]);

    const stored = await f.raw.pending().findOne({ _id: record.eventId });
    expect(stored).toEqual({ _id: record.eventId, record: JSON.stringify(record) });
    expect(await f.chain.pendingBatch(10)).toEqual([record]);
  });

  it('given a backlog stored before records were JSON text, then it chains it with the new ones', async () => {
    const f = await freshChainFixture(connection());
    const [old1, old2, new1, new2] = recordsFrom('2026-03-01T10:00:00.000Z', 4);
    await f.ingestLegacy([old1, old2]);
    await f.ingest([new1, new2]);

    await f.chainAll();

    const stored = await f.stored();
    expect(stored.map(({ _id, seq, prevHash, hash, ...record }) => record)).toEqual([
      old1,
      old2,
      new1,
      new2,
    ]);
    expect(await f.raw.pending().countDocuments()).toBe(0);
    expect(await f.verifier().verify()).toMatchObject({ status: 'intact', records: 4 });
  });

  it('given a malformed pending document, then the pass fails naming it and nothing is dropped', async () => {
    const f = await freshChainFixture(connection());
    const [good] = recordsFrom('2026-03-01T10:00:00.000Z', 1);
    await f.ingest([good]);
    await f.raw.pending().insertOne({ _id: 'broken-1', record: '{"eventId":' });

    await expect(f.chainer().runOnce()).rejects.toThrow(/pending audit document "broken-1"/);

    expect(await f.raw.pending().countDocuments()).toBe(2);
    expect(await f.stored()).toEqual([]);
  });
});
