import { ClientAssertionReplay } from '../client-assertion-replay';

const T0 = new Date('2026-03-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** The one behavioural contract of the used-assertion store, run against every adapter. */
export function describeClientAssertionReplayContract(
  name: string,
  make: () => Promise<ClientAssertionReplay>,
): void {
  describe(`client assertion replay contract: ${name}`, () => {
    let replay: ClientAssertionReplay;
    beforeEach(async () => {
      replay = await make();
    });

    it('given a new jti, then the claim is its first use', async () => {
      expect(await replay.claim('app-1', 'jti-1', at(60))).toBe('first-use');
    });

    it('given a claimed jti, then claiming it again is a replay', async () => {
      await replay.claim('app-1', 'jti-1', at(60));

      expect(await replay.claim('app-1', 'jti-1', at(60))).toBe('replayed');
    });

    it('given a jti claimed by one client, then another client may use the same jti', async () => {
      await replay.claim('app-1', 'jti-1', at(60));

      expect(await replay.claim('app-2', 'jti-1', at(60))).toBe('first-use');
    });

    it('given concurrent claims of one jti, then exactly one is the first use', async () => {
      const claims = await Promise.all(
        [1, 2, 3, 4].map(() => replay.claim('app-1', 'jti-race', at(60))),
      );

      expect(claims.filter((c) => c === 'first-use')).toHaveLength(1);
    });

    it('given claims, then purge forgets those expired by now and keeps the others', async () => {
      await replay.claim('app-1', 'old', at(10));
      await replay.claim('app-1', 'edge', at(30));
      await replay.claim('app-1', 'live', at(31));

      expect(await replay.purgeExpired(at(30))).toBe(2);

      expect(await replay.claim('app-1', 'old', at(90))).toBe('first-use');
      expect(await replay.claim('app-1', 'live', at(90))).toBe('replayed');
    });
  });
}
