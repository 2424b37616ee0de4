import { ExternalAppEnabled, Topics } from '@extapps/contracts';
import { connectMongo } from '@extapps/mongo';
import { uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import { normalizeRegistrationEvent } from '../normalization/registration.normalizer';
import { eventOf, RECORDED_AT } from '../normalization/testing/audit-events';
import { PendingRecordStore } from './pending-record.store';
import { pendingOf, recordOf } from './testing/ingestion-fixture';

const record = () =>
  normalizeRegistrationEvent(eventOf(ExternalAppEnabled, {}), {
    source: Topics.registrationEvents,
    recordedAt: RECORDED_AT,
  });

describe('PendingRecordStore on MongoDB-wire', () => {
  let db: Connection;
  let store: PendingRecordStore;

  beforeAll(async () => {
    db = await connectMongo({
      url: String(process.env['MONGO_URL']),
      dbName: uniqueName('t_pending'),
    });
    store = new PendingRecordStore(db);
  });
  afterAll(() => db?.close());

  it('stores each record under its event id, as JSON text', async () => {
    const [a, b] = [record(), record()];

    expect(await store.add([a, b])).toEqual({ stored: 2, duplicates: 0 });
    const stored = await pendingOf(db, [a.eventId]);
    expect(stored).toEqual([{ _id: a.eventId, record: JSON.stringify(a) }]);
    expect(stored.map(recordOf)).toEqual([a]);
    expect(await pendingOf(db, [b.eventId])).toHaveLength(1);
  });

  it('given a batch mixing new and already pending records, then only the new ones are added', async () => {
    const [old, fresh1, fresh2] = [record(), record(), record()];
    await store.add([old]);

    const outcome = await store.add([fresh1, old, fresh2, old]);

    expect(outcome).toEqual({ stored: 2, duplicates: 2 });
    expect(await pendingOf(db, [old.eventId, fresh1.eventId, fresh2.eventId])).toHaveLength(3);
  });

  it('given a large batch holding the same event twice and one already pending, then it adds each other record once', async () => {
    const old = record();
    await store.add([old]);
    const fresh = Array.from({ length: 998 }, () => record());
    const twice = fresh[500] ?? record();

    const outcome = await store.add([...fresh, twice, old]);

    expect(outcome).toEqual({ stored: 998, duplicates: 2 });
    const ids = [old, ...fresh].map((r) => r.eventId);
    expect(await pendingOf(db, ids)).toHaveLength(999);
  });

  it('given only records already pending, then it adds nothing and does not fail', async () => {
    const old = record();
    await store.add([old]);

    expect(await store.add([old])).toEqual({ stored: 0, duplicates: 1 });
  });
});
