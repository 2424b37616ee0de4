import { uniqueName } from '@extapps/testing';
import { appendStream, describeEventStoreContract, mongoTestDatabase, testEvent } from '../testing';
import { MongoEventStore } from './mongo-event-store';

const connection = mongoTestDatabase('event-store');

describeEventStoreContract('mongo', async ({ queues }) => {
  const store = new MongoEventStore(connection(), { collection: uniqueName('events'), queues });
  await store.init();
  return store;
});

describe('MongoEventStore documents', () => {
  it('stores one document per event, keyed by event id and flagged on every queue', async () => {
    const collection = uniqueName('events');
    const store = new MongoEventStore(connection(), { collection, queues: ['kafka', 'views'] });
    await store.init();
    const event = testEvent('app-1', 1, {});

    const { position } = await store.append(event, 0);

    const documents = await connection().collection(collection).find().toArray();
    expect(documents).toEqual([
      {
        ...event,
        eventId: undefined,
        _id: event.eventId,
        position,
        pending: { kafka: true, views: true },
      },
    ]);
  });

  it('creates the unique stream index, the position index and one index per queue', async () => {
    const collection = uniqueName('events');
    const store = new MongoEventStore(connection(), { collection, queues: ['kafka'] });
    await store.init();
    await store.init();

    const indexes = await connection().collection(collection).indexes();
    expect(indexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'stream_version', unique: true }),
        expect.objectContaining({ name: 'position', key: { position: 1 } }),
        expect.objectContaining({
          name: 'pending_kafka',
          key: { 'pending.kafka': 1, position: 1 },
        }),
      ]),
    );
  });
});

describe('MongoEventStore positions', () => {
  it('given a position counter that fell behind, then appends still get fresh positions above it', async () => {
    const collection = uniqueName('events');
    const store = new MongoEventStore(connection(), { collection, queues: [] });
    await store.init();
    await appendStream(store, 'a', 3);
    // What FerretDB's non-atomic $inc can leave behind under concurrent appends.
    await connection()
      .collection<{ _id: string; value: number }>('counters')
      .updateOne({ _id: `${collection}.position` }, { $set: { value: 1 } });

    const next = await store.append(testEvent('b', 1), 0);
    const after = await store.append(testEvent('a', 4), 3);

    const positions = (await store.readAll({ limit: 10 })).map((s) => s.position);
    expect(new Set(positions).size).toBe(5);
    expect(next.position).toBeGreaterThan(3);
    expect(after.position).toBeGreaterThan(next.position);
  });
});
