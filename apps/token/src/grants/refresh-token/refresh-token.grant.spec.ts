import {
  desktop,
  refreshTokenOf,
  refusedWith,
  UserGrantFixture,
  web,
} from '../authorization-code/testing/user-grant-fixture';

describe('RefreshTokenGrant', () => {
  let t: UserGrantFixture;
  beforeEach(() => {
    t = new UserGrantFixture();
  });

  describe('rotation', () => {
    it('given a refresh token, when redeemed, then a new access token and the grant’s next refresh token, TokenRefreshed', async () => {
      const { grantId, refreshToken } = await t.granted();
      t.clock.advance(3_600_000);

      const outcome = await t.refresh(desktop, refreshToken);

      const iat = Math.floor(t.clock.now().getTime() / 1000);
      expect(outcome).toMatchObject({
        ok: true,
        claims: {
          sub: 'user-1',
          sub_type: 'user',
          client_id: 'desktop',
          aud: 'OrchestratorApi',
          scope: 'OR.Jobs.Read OR.Assets.Read',
          iat,
          exp: iat + 600,
          gid: grantId,
        },
      });
      const next = refreshTokenOf(outcome);
      expect(next).not.toBe(refreshToken);
      expect(t.sink.events.map((e) => e.type)).toEqual(['TokenRefreshed']);
      expect(t.sink.ofType('TokenRefreshed')[0]).toMatchObject({
        streamId: 'desktop',
        data: { clientId: 'desktop', subject: 'user-1', grantId, secretId: null },
      });
      expect(await t.refresh(desktop, next)).toMatchObject({ ok: true });
    });

    it('given a confidential app, when it refreshes, then TokenRefreshed names its secret', async () => {
      const { refreshToken } = await t.granted(web);

      await t.refresh(web, refreshToken);

      expect(t.sink.ofType('TokenRefreshed')[0].data).toMatchObject({ secretId: 'sec-web' });
    });

    it('given a rotated token, then the new one lives REFRESH_TOKEN_TTL_SECONDS from its issue', async () => {
      const { refreshToken } = await t.granted();
      t.clock.advance(86_000_000);
      const next = refreshTokenOf(await t.refresh(desktop, refreshToken));

      t.clock.advance(86_000_000);

      expect(await t.refresh(desktop, next)).toMatchObject({ ok: true });
    });
  });

  describe('reuse of a rotated token', () => {
    it('given a rotated token presented again, then invalid_grant, the whole grant revoked, RefreshTokenReuseDetected and TokenRevoked', async () => {
      const { grantId, refreshToken } = await t.granted();
      const current = refreshTokenOf(await t.refresh(desktop, refreshToken));
      t.sink.events.length = 0;

      const reuse = await t.refresh(desktop, refreshToken);

      expect(reuse).toMatchObject(refusedWith('invalid_grant'));
      expect(t.sink.events.map((e) => e.type)).toEqual([
        'RefreshTokenReuseDetected',
        'TokenRevoked',
      ]);
      expect(t.sink.ofType('RefreshTokenReuseDetected')[0].data).toEqual({
        clientId: 'desktop',
        subject: 'user-1',
        grantId,
      });
      expect(t.sink.ofType('TokenRevoked')[0].data).toEqual({
        clientId: 'desktop',
        target: 'grant',
        jti: null,
        grantId,
        reason: 'refresh-token-reuse',
      });
      expect(await t.grants.isGrantRevoked(grantId)).toBe(true);
      expect(await t.refresh(desktop, current)).toMatchObject(refusedWith('invalid_grant'));
    });

    it('given two concurrent redemptions of one token, then one rotates and the other revokes the grant', async () => {
      const { grantId, refreshToken } = await t.granted();

      const outcomes = await Promise.all([
        t.refresh(desktop, refreshToken),
        t.refresh(desktop, refreshToken),
      ]);

      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(await t.grants.isGrantRevoked(grantId)).toBe(true);
    });

    it('given a grant revoked before, when a refresh token of it comes, then invalid_grant and no event', async () => {
      const { grantId, refreshToken } = await t.granted();
      await t.grants.revokeGrant(grantId, 'revocation-request', t.clock.now());

      expect(await t.refresh(desktop, refreshToken)).toMatchObject(refusedWith('invalid_grant'));
      expect(t.sink.events).toEqual([]);
    });
  });
});
