import { opaqueTokenHash } from '../../grant-store/opaque-token';
import {
  desktop,
  refreshTokenOf,
  refusedWith,
  UserGrantFixture,
  web,
  WEB_REDIRECT,
} from './testing/user-grant-fixture';

describe('AuthorizationCodeGrant: replayed codes', () => {
  let t: UserGrantFixture;
  beforeEach(() => {
    t = new UserGrantFixture();
  });
  const grantIdOf = async (code: string) =>
    (await t.codeStore.find(opaqueTokenHash(code)))?.grantId as string;

  describe('a replayed code', () => {
    it('given a redeemed code, when presented again, then invalid_grant, the grant is revoked and its refresh token refused', async () => {
      const code = await t.approve(desktop);
      const grantId = await grantIdOf(code);
      const refreshToken = refreshTokenOf(await t.exchange(desktop, code));

      const replay = await t.exchange(desktop, code);

      expect(replay).toMatchObject(refusedWith('invalid_grant'));
      expect(await t.grants.isGrantRevoked(grantId)).toBe(true);
      expect(t.sink.ofType('TokenRevoked')).toEqual([
        expect.objectContaining({
          streamId: 'desktop',
          data: {
            clientId: 'desktop',
            target: 'grant',
            jti: null,
            grantId,
            reason: 'authorization-code-reuse',
          },
        }),
      ]);
      expect(await t.refresh(desktop, refreshToken)).toMatchObject(refusedWith('invalid_grant'));
    });

    it('given a code replayed twice, then the grant is revoked once', async () => {
      const code = await t.approve(desktop);
      await t.exchange(desktop, code);

      await t.exchange(desktop, code);
      await t.exchange(desktop, code);

      expect(t.sink.ofType('TokenRevoked')).toHaveLength(1);
    });

    it('given a redeemed code now expired, when presented again, then its grant is still revoked', async () => {
      const code = await t.approve(desktop);
      await t.exchange(desktop, code);
      t.clock.advance(120_000);

      expect(await t.exchange(desktop, code)).toMatchObject(refusedWith('invalid_grant'));
      expect(await t.grants.isGrantRevoked(await grantIdOf(code))).toBe(true);
    });

    it('given 5 concurrent exchanges of one code, then exactly one gets tokens and the grant is revoked', async () => {
      const code = await t.approve(desktop);

      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () => t.exchange(desktop, code)),
      );

      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(await t.grants.isGrantRevoked(await grantIdOf(code))).toBe(true);
    });

    it('given a redeemed code, when another app presents it, then nothing is revoked', async () => {
      const code = await t.approve(web);
      await t.exchange(web, code);

      await t.exchange(desktop, code, { redirect_uri: WEB_REDIRECT });

      expect(await t.grants.isGrantRevoked(await grantIdOf(code))).toBe(false);
    });
  });
});
