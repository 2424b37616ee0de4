import { ManualClock } from '@extapps/testing';
import { uniqueName } from '@extapps/testing';
import { describeLeaseContract, mongoTestDatabase } from '../testing';
import { LEASES_COLLECTION, MongoLease } from './mongo-lease';

const connection = mongoTestDatabase('leases');

describeLeaseContract('mongo', async (clock) => {
  // One database holds one `leases` collection: a fresh prefix keeps each test's names apart.
  const prefix = uniqueName('lease');
  return (name, owner, ttlMs = 1_000) =>
    new MongoLease(connection(), { name: `${prefix}:${name}`, owner, ttlMs, clock });
});

describe('MongoLease documents', () => {
  it('holds the latest term as { _id: name#term, name, term, owner, expiresAt } from the injected clock', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00.000Z');
    const name = uniqueName('relay');
    const first = new MongoLease(connection(), { name, owner: 'host-1', ttlMs: 30_000, clock });
    const second = new MongoLease(connection(), { name, owner: 'host-2', ttlMs: 30_000, clock });
    await first.tryAcquire();
    clock.advance(30_000);

    await second.tryAcquire();

    expect(await connection().collection(LEASES_COLLECTION).find({ name }).toArray()).toEqual([
      {
        _id: `${name}#2`,
        name,
        term: 2,
        owner: 'host-2',
        expiresAt: new Date('2026-03-01T10:01:00.000Z'),
      },
    ]);
  });
});
