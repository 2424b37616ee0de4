import { randomUUID } from 'node:crypto';
import { RevokedAccessToken, RevokedAccessTokens } from '../revoked-access-tokens';

/** A store over empty storage, fresh for each test. */
export type MakeRevokedAccessTokens = () => Promise<RevokedAccessTokens>;

const now = new Date('2026-03-01T10:00:00.000Z');
const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

const token = (expiresAt = inMinutes(60)): RevokedAccessToken => ({
  jti: randomUUID(),
  clientId: 'robot',
  expiresAt,
});

/** The behaviour every RevokedAccessTokens adapter shares. */
export function describeRevokedAccessTokensContract(name: string, make: MakeRevokedAccessTokens) {
  describe(`revoked access tokens contract: ${name}`, () => {
    let store: RevokedAccessTokens;
    beforeEach(async () => {
      store = await make();
    });

    it('given nothing revoked, then a jti is not revoked', async () => {
      expect(await store.isRevoked(randomUUID())).toBe(false);
    });

    it('given a token, when it is revoked, then its jti is revoked and no other', async () => {
      const revoked = token();

      expect(await store.revoke(revoked, now)).toBe(true);

      expect(await store.isRevoked(revoked.jti)).toBe(true);
      expect(await store.isRevoked(token().jti)).toBe(false);
    });

    it('given a revoked token, when it is revoked again, then the second call is not the first', async () => {
      const revoked = token();
      await store.revoke(revoked, now);

      expect(await store.revoke(revoked, now)).toBe(false);
      expect(await store.isRevoked(revoked.jti)).toBe(true);
    });

    it('given 20 concurrent revocations of one token, then exactly one is the first', async () => {
      const revoked = token();

      const results = await Promise.all(
        Array.from({ length: 20 }, () => store.revoke(revoked, now)),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('given tokens expiring at different times, when purged, then only those expired before go', async () => {
      const expired = token(inMinutes(-1));
      const expiringAtCutoff = token(now);
      const live = token(inMinutes(30));
      for (const t of [expired, expiringAtCutoff, live]) await store.revoke(t, now);

      expect(await store.purgeExpired(now)).toBe(1);

      expect(await store.isRevoked(expired.jti)).toBe(false);
      expect(await store.isRevoked(expiringAtCutoff.jti)).toBe(true);
      expect(await store.isRevoked(live.jti)).toBe(true);
      expect(await store.purgeExpired(now)).toBe(0);
    });
  });
}
