import { ManualClock } from '@extapps/testing';
import { Clock } from '@extapps/contracts';
import { Lease } from '../lease/lease';

/** A lease on shared storage (fresh for each test) for `owner`, timed by `clock`. */
export type MakeLeases = (
  clock: Clock,
) => Promise<(name: string, owner: string, ttlMs?: number) => Lease>;

const TTL_MS = 10_000;

/** The one behavioural contract of the lease port, run against every adapter. */
export function describeLeaseContract(name: string, make: MakeLeases): void {
  describe(`lease contract: ${name}`, () => {
    let clock: ManualClock;
    let lease: (name: string, owner: string, ttlMs?: number) => Lease;
    beforeEach(async () => {
      clock = new ManualClock();
      const open = await make(clock);
      lease = (leaseName, owner, ttlMs = TTL_MS) => open(leaseName, owner, ttlMs);
    });

    it('given a free lease, then the first owner takes it and others are refused', async () => {
      expect(await lease('relay', 'a').tryAcquire()).toBe(true);
      expect(await lease('relay', 'b').tryAcquire()).toBe(false);
      expect(await lease('relay', 'a').tryAcquire()).toBe(true);
    });

    it('given a holder that keeps renewing, then it keeps the lease past the first ttl', async () => {
      await lease('relay', 'a').tryAcquire();
      clock.advance(TTL_MS - 1);
      expect(await lease('relay', 'a').tryAcquire()).toBe(true);
      clock.advance(TTL_MS - 1);

      expect(await lease('relay', 'b').tryAcquire()).toBe(false);
    });

    it('given a holder that stopped renewing, then another owner takes over at expiry', async () => {
      await lease('relay', 'a').tryAcquire();
      clock.advance(TTL_MS);

      expect(await lease('relay', 'b').tryAcquire()).toBe(true);
      expect(await lease('relay', 'a').tryAcquire()).toBe(false);
    });

    it('given a released lease, then another owner takes it at once', async () => {
      await lease('relay', 'a').tryAcquire();
      await lease('relay', 'b').release();
      expect(await lease('relay', 'c').tryAcquire()).toBe(false);

      await lease('relay', 'a').release();

      expect(await lease('relay', 'c').tryAcquire()).toBe(true);
    });

    it('given two names, then they are held independently', async () => {
      expect(await lease('relay', 'a').tryAcquire()).toBe(true);
      expect(await lease('projections', 'b').tryAcquire()).toBe(true);
    });

    it('given 10 owners racing for a free lease, then exactly one gets it', async () => {
      const owners = Array.from({ length: 10 }, (_, i) => lease('relay', `owner-${i}`));

      const results = await Promise.all(owners.map((l) => l.tryAcquire()));

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('given 10 owners racing for an expired lease, round after round, then exactly one gets it', async () => {
      await lease('relay', 'old').tryAcquire();
      for (let round = 1; round <= 5; round++) {
        clock.advance(TTL_MS);
        const owners = Array.from({ length: 10 }, (_, i) => lease('relay', `r${round}-${i}`));

        const results = await Promise.all(owners.map((l) => l.tryAcquire()));

        expect(results.filter(Boolean)).toHaveLength(1);
      }
    });
  });
}
