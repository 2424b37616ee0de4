import { Connection, Schema } from 'mongoose';
import { uniqueName } from '@extapps/infra';
import { DuplicateKeyConflict, translateConflicts } from './conflict';
import { connectMongo, pingMongo } from './connection';

interface EventDoc {
  streamId: string;
  streamVersion: number;
  type: string;
}

const eventSchema = new Schema<EventDoc>({
  streamId: { type: String, required: true },
  streamVersion: { type: Number, required: true },
  type: { type: String, required: true },
});
eventSchema.index({ streamId: 1, streamVersion: 1 }, { unique: true, name: 'stream_version' });

describe('duplicate keys on a real MongoDB-wire server', () => {
  let connection: Connection;
  const model = () => connection.model<EventDoc>('Event', eventSchema, 'events');

  beforeAll(async () => {
    connection = await connectMongo({
      url: process.env['MONGO_URL'] as string,
      dbName: uniqueName('mongo'),
    });
    await model().syncIndexes();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('answers a ping', async () => {
    expect(await pingMongo(connection)).toBe(true);
  });

  it('reports a second insert of the same (streamId, streamVersion) as a typed conflict', async () => {
    await model().create({
      streamId: 'app-1',
      streamVersion: 1,
      type: 'ExternalAppRegistered',
    });

    const second = translateConflicts(() =>
      model().create({
        streamId: 'app-1',
        streamVersion: 1,
        type: 'ExternalAppRenamed',
      }),
    );

    await expect(second).rejects.toBeInstanceOf(DuplicateKeyConflict);
    // MongoDB also names the index; FerretDB 1.x names only the collection.
    await expect(second).rejects.toMatchObject({
      collection: expect.stringMatching(/\.events$/),
    });
    expect(await model().countDocuments({ streamId: 'app-1' })).toBe(1);
  });

  it('reports a conflicting batch insert as a typed conflict and keeps the first write', async () => {
    const batch = translateConflicts(() =>
      model().insertMany(
        [
          {
            streamId: 'app-2',
            streamVersion: 1,
            type: 'ExternalAppRegistered',
          },
          { streamId: 'app-2', streamVersion: 1, type: 'ExternalAppRenamed' },
        ],
        { ordered: true },
      ),
    );

    await expect(batch).rejects.toBeInstanceOf(DuplicateKeyConflict);
    expect(await model().find({ streamId: 'app-2' }).lean()).toEqual([
      expect.objectContaining({
        streamVersion: 1,
        type: 'ExternalAppRegistered',
      }),
    ]);
  });

  it('lets exactly one of many concurrent writers win a version', async () => {
    const attempts = Array.from({ length: 20 }, (_, i) =>
      translateConflicts(() =>
        model().create({ streamId: 'app-3', streamVersion: 1, type: `T${i}` }),
      ),
    );

    const results = await Promise.allSettled(attempts);

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    lost.forEach((r) =>
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateKeyConflict),
    );
  });

  it('passes other errors through untouched', async () => {
    const failure = new Error('network is down');
    await expect(translateConflicts(() => Promise.reject(failure))).rejects.toBe(failure);
  });
});
