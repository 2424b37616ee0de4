import { connectMongo } from '@extapps/mongo';
import { eventually, uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import pino from 'pino';
import { Interaction, storedIdOf } from './interaction';
import { INTERACTIONS_COLLECTION, MongoInteractionStore } from './mongo-interaction-store';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

const interaction = (expiresAt = at(600)): Interaction => ({
  query: 'response_type=code&client_id=app-1&state=a%20b',
  csrfToken: 'csrf-1',
  user: null,
  expiresAt,
});

describe('MongoInteractionStore (real MongoDB wire server)', () => {
  let connection: Connection;
  let store: MongoInteractionStore;

  beforeAll(async () => {
    connection = await connectMongo({
      url: process.env['MONGO_URL'] ?? '',
      dbName: uniqueName('interactions'),
    });
    store = new MongoInteractionStore(connection, pino({ enabled: false }));
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const stored = (id: string) =>
    connection.collection(INTERACTIONS_COLLECTION).findOne({ _id: storedIdOf(id) as never });

  it('keeps an interaction under the hash of its id, and finds it by the id', async () => {
    const id = await store.start(interaction(), NOW);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.find(id, NOW)).toEqual(interaction());
    expect(await stored(id)).toMatchObject({ query: interaction().query });
    expect(
      await connection.collection(INTERACTIONS_COLLECTION).findOne({ _id: id as never }),
    ).toBeNull();
  });

  it('keeps the signed-in user', async () => {
    const user = { userId: 'u-1', username: 'ada', displayName: 'Ada' };
    const id = await store.start({ ...interaction(), user }, NOW);
    expect(await store.find(id, NOW)).toMatchObject({ user });
  });

  it('does not find an interaction from its expiry on', async () => {
    const id = await store.start(interaction(at(600)), NOW);
    expect(await store.find(id, at(599))).not.toBeNull();
    expect(await store.find(id, at(600))).toBeNull();
  });

  it('ends an interaction once: the second end reports nothing removed', async () => {
    const id = await store.start(interaction(), NOW);
    expect(await store.end(id)).toBe(true);
    expect(await store.end(id)).toBe(false);
    expect(await store.find(id, NOW)).toBeNull();
  });

  it('sweeps abandoned interactions when a later one starts', async () => {
    const sweeping = new MongoInteractionStore(connection, pino({ enabled: false }));
    const abandoned = await sweeping.start(interaction(at(60)), NOW);
    await sweeping.start(interaction(at(3600)), at(120));
    await eventually(async () => expect(await stored(abandoned)).toBeNull());
  });
});
