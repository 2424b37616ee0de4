import { mongoTestDatabase } from '@extapps/event-store/testing';
import { chainRecord } from '@extapps/contracts';
import { auditRecord, recordsFrom } from './testing/audit-records';
import { freshChainFixture } from './testing/chain-fixture';

const connection = mongoTestDatabase('audit-chainer-crash');
const freshChain = () => freshChainFixture(connection());
const eventIds = (records: readonly { eventId: string }[]) => records.map((r) => r.eventId);

describe('the chainer after a crash (partial writes made directly)', () => {
  async function chainedThree() {
    const f = await freshChain();
    const records = recordsFrom('2026-03-01T10:00:00.000Z', 6);
    await f.ingest(records.slice(0, 3));
    await f.chainAll();
    return { f, records, stored: await f.stored() };
  }

  it('given a mark without its record, then the record is chained at that seq, once', async () => {
    const { f, records } = await chainedThree();
    const fourth = records[3];
    await f.ingest([fourth]);
    await f.raw
      .marks()
      .insertOne({ _id: fourth.eventId, eventId: fourth.eventId, seq: 4, attempt: 1 });

    await f.chainAll();

    expect(eventIds(await f.stored())).toEqual(eventIds(records.slice(0, 4)));
    expect(await f.raw.marks().countDocuments({ eventId: fourth.eventId })).toBe(1);
    expect(await f.verifier().verify()).toMatchObject({ status: 'intact', records: 4 });
  });

  it('given a record stored but still pending and the head hint behind, then it is not chained twice', async () => {
    const { f, records, stored } = await chainedThree();
    const [fourth, fifth] = [records[3], records[4]];
    const chained = chainRecord(fourth, 4, stored[2].hash);
    await f.raw
      .marks()
      .insertOne({ _id: fourth.eventId, eventId: fourth.eventId, seq: 4, attempt: 1 });
    await f.raw.records().insertOne({ ...chained, _id: 4 });
    await f.raw.state().updateOne({ _id: 'head' }, { $set: { seq: 2, hash: stored[1].hash } });
    await f.ingest([fourth, fifth]);

    await f.chainAll();

    expect(eventIds(await f.stored())).toEqual(eventIds(records.slice(0, 5)));
    expect(await f.chain.readState('head')).toMatchObject({ seq: 5 });
    expect(await f.verifier().verify()).toMatchObject({ status: 'intact', records: 5 });
  });

  it('given a batch cut short (marks for three, one record) and a new record sorting first, then each is chained once, without a gap', async () => {
    const { f, records, stored } = await chainedThree();
    const [fourth, fifth, sixth] = records.slice(3);
    const early = auditRecord({ recordedAt: '2026-01-01T00:00:00.000Z' });
    await f.raw.marks().insertMany(
      [fourth, fifth, sixth].map((r, index) => ({
        _id: r.eventId,
        eventId: r.eventId,
        seq: 4 + index,
        attempt: 1,
      })),
    );
    await f.raw.records().insertOne({ ...chainRecord(fourth, 4, stored[2].hash), _id: 4 });
    await f.ingest([fourth, fifth, sixth, early]);

    await f.chainAll();

    expect(eventIds(await f.stored())).toEqual(
      eventIds([...records.slice(0, 4), early, fifth, sixth]),
    );
    expect(await f.raw.marks().findOne({ _id: `${fifth.eventId}#2` })).toMatchObject({ seq: 6 });
    expect(await f.raw.pending().countDocuments()).toBe(0);
    expect(await f.verifier().verify()).toMatchObject({ status: 'intact', records: 7 });
  });
});
