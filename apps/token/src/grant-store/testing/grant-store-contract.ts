import { randomUUID } from 'node:crypto';
import { GrantStore, RefreshTokenRecord } from '../grant-records';
import { Grant } from '../grant-store';
import { newOpaqueToken, opaqueTokenHash } from '../opaque-token';

const NOW = new Date('2026-03-01T10:00:00.000Z');

export function aGrant(overrides: Partial<Grant> = {}): Grant {
  return {
    grantId: randomUUID(),
    clientId: 'app-1',
    userId: 'user-1',
    scopes: ['OR.Jobs.Read', 'OR.Assets.Read'],
    audience: 'OrchestratorApi',
    offlineAccess: true,
    createdAt: NOW,
    ...overrides,
  };
}

export function aRefreshToken(grant: Grant, token = newOpaqueToken()): RefreshTokenRecord {
  return {
    hash: opaqueTokenHash(token),
    grantId: grant.grantId,
    clientId: grant.clientId,
    userId: grant.userId,
    scopes: grant.scopes,
    audience: grant.audience,
    issuedAt: NOW,
    expiresAt: new Date(NOW.getTime() + 86_400_000),
  };
}

/** The one behavioural contract of the grant store, run against every adapter. */
export function describeGrantStoreContract(name: string, make: () => GrantStore): void {
  describe(`grant store contract: ${name}`, () => {
    let store: GrantStore;
    beforeEach(() => {
      store = make();
    });

    it('given a created grant, then it is found by id as it was created', async () => {
      const grant = aGrant();
      await store.createGrant(grant);

      expect(await store.findGrant(grant.grantId)).toEqual(grant);
      expect(await store.findGrant(randomUUID())).toBeNull();
    });

    it('given a grant created twice, then the first one stays', async () => {
      const grant = aGrant();
      await store.createGrant(grant);

      await store.createGrant({ ...grant, userId: 'someone-else' });

      expect(await store.findGrant(grant.grantId)).toEqual(grant);
    });

    it('given a revocation, then the grant is revoked and a second revocation is not new', async () => {
      const { grantId } = aGrant();
      expect(await store.isGrantRevoked(grantId)).toBe(false);

      expect(await store.revokeGrant(grantId, 'refresh-token-reuse', NOW)).toBe(true);

      expect(await store.isGrantRevoked(grantId)).toBe(true);
      expect(await store.revokeGrant(grantId, 'revocation-request', NOW)).toBe(false);
      expect(await store.isGrantRevoked(aGrant().grantId)).toBe(false);
    });

    it('given 10 concurrent revocations of a grant, then exactly one is new', async () => {
      const { grantId } = aGrant();

      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.revokeGrant(grantId, 'revocation-request', NOW)),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('given a saved refresh token, then it is found by its hash, an unknown hash is not', async () => {
      const token = aRefreshToken(aGrant());
      await store.saveRefreshToken(token);

      expect(await store.findRefreshToken(token.hash)).toEqual(token);
      expect(await store.findRefreshToken(opaqueTokenHash(newOpaqueToken()))).toBeNull();
    });

    it('given a refresh token, then its first redemption wins and every later one is a reuse', async () => {
      const token = aRefreshToken(aGrant());
      await store.saveRefreshToken(token);

      expect(await store.isRefreshTokenRedeemed(token.hash)).toBe(false);
      expect(await store.redeemRefreshToken(token.hash, NOW)).toBe(true);

      expect(await store.isRefreshTokenRedeemed(token.hash)).toBe(true);
      expect(await store.redeemRefreshToken(token.hash, NOW)).toBe(false);
      expect(await store.findRefreshToken(token.hash)).toEqual(token);
    });

    it('given 10 concurrent redemptions of one refresh token, then exactly one wins', async () => {
      const token = aRefreshToken(aGrant());
      await store.saveRefreshToken(token);

      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.redeemRefreshToken(token.hash, NOW)),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('given a refresh token, current or rotated, then its grant is found from the plaintext', async () => {
      const grant = aGrant();
      const plaintext = newOpaqueToken();
      const token = aRefreshToken(grant, plaintext);
      await store.createGrant(grant);
      await store.saveRefreshToken(token);
      expect(await store.grantOfRefreshToken(plaintext)).toEqual(grant);

      await store.redeemRefreshToken(token.hash, NOW);

      expect(await store.grantOfRefreshToken(plaintext)).toEqual(grant);
      expect(await store.grantOfRefreshToken(newOpaqueToken())).toBeNull();
      expect(await store.grantOfRefreshToken('not a token')).toBeNull();
    });
  });
}
