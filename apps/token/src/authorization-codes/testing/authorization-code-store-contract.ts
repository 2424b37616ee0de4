import { randomUUID } from 'node:crypto';
import { newOpaqueToken, opaqueTokenHash } from '../../grant-store/opaque-token';
import { AuthorizationCodeRecord, AuthorizationCodeStore } from '../authorization-code-store';

const NOW = new Date('2026-03-01T10:00:00.000Z');

function aCode(overrides: Partial<AuthorizationCodeRecord> = {}): AuthorizationCodeRecord {
  return {
    hash: opaqueTokenHash(newOpaqueToken()),
    grantId: randomUUID(),
    clientId: 'app-1',
    redirectUri: 'http://127.0.0.1:8400/callback',
    userId: 'user-1',
    scopes: ['OR.Jobs.Read'],
    audience: 'OrchestratorApi',
    offlineAccess: true,
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    issuedAt: NOW,
    expiresAt: new Date(NOW.getTime() + 60_000),
    ...overrides,
  };
}

/** The one behavioural contract of the authorization code store, run against every adapter. */
export function describeAuthorizationCodeStoreContract(
  name: string,
  make: () => AuthorizationCodeStore,
): void {
  describe(`authorization code store contract: ${name}`, () => {
    let store: AuthorizationCodeStore;
    beforeEach(() => {
      store = make();
    });

    it.each([
      ['with a PKCE challenge', aCode()],
      ['without a challenge', aCode({ codeChallenge: null, offlineAccess: false })],
    ])('given a saved code %s, then it is found by hash as saved', async (_case, code) => {
      await store.save(code);

      expect(await store.find(code.hash)).toEqual(code);
      expect(await store.find(opaqueTokenHash(newOpaqueToken()))).toBeNull();
    });

    it('given a code, then its first redemption wins and every later one is a replay', async () => {
      const code = aCode();
      await store.save(code);

      expect(await store.redeem(code.hash, NOW)).toBe(true);

      expect(await store.redeem(code.hash, NOW)).toBe(false);
      expect(await store.find(code.hash)).toEqual(code);
    });

    it('given two codes, then redeeming one leaves the other redeemable', async () => {
      const [first, second] = [aCode(), aCode()];
      await store.save(first);
      await store.save(second);

      await store.redeem(first.hash, NOW);

      expect(await store.redeem(second.hash, NOW)).toBe(true);
    });

    it('given 10 concurrent redemptions of one code, then exactly one wins', async () => {
      const code = aCode();
      await store.save(code);

      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.redeem(code.hash, NOW)),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
