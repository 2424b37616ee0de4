import { ManualClock } from '@extapps/testing';
import { describeLeaseContract } from '../testing';
import { InMemoryLease, InMemoryLeaseTable } from './in-memory-lease';

describeLeaseContract('in-memory', async (clock) => {
  const table: InMemoryLeaseTable = new Map();
  return (name, owner, ttlMs = 1_000) => new InMemoryLease(table, { name, owner, ttlMs, clock });
});

describe('InMemoryLease options', () => {
  it('given a ttl that is not a positive integer, then the lease is refused', () => {
    const clock = new ManualClock();
    expect(() => new InMemoryLease(new Map(), { name: 'r', owner: 'a', ttlMs: 0, clock })).toThrow(
      /ttlMs/,
    );
  });
});
