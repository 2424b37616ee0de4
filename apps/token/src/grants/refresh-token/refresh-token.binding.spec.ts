import {
  assetsRead,
  desktop,
  jobsRead,
  refreshTokenOf,
  refusedWith,
  UserGrantFixture,
  web,
} from '../authorization-code/testing/user-grant-fixture';

describe('RefreshTokenGrant: bound to client and scope', () => {
  let t: UserGrantFixture;
  beforeEach(() => {
    t = new UserGrantFixture();
  });

  describe('bound to the client', () => {
    it('given another app’s refresh token, then invalid_grant and the token stays its app’s', async () => {
      const { refreshToken } = await t.granted(web);

      expect(await t.refresh(desktop, refreshToken)).toMatchObject(refusedWith('invalid_grant'));
      expect(t.sink.events).toEqual([]);
      expect(await t.refresh(web, refreshToken)).toMatchObject({ ok: true });
    });

    it('given a disabled app, when it refreshes, then invalid_grant', async () => {
      const { refreshToken } = await t.granted();

      expect(await t.refresh({ ...desktop, status: 'disabled' }, refreshToken)).toMatchObject(
        refusedWith('invalid_grant'),
      );
    });
  });

  describe('bound to the granted scope', () => {
    it('given a narrower scope, then the access token is narrowed and the next refresh token keeps the grant’s', async () => {
      const { refreshToken } = await t.granted();

      const narrowed = await t.refresh(desktop, refreshToken, { scope: 'OR.Jobs.Read' });

      expect(narrowed).toMatchObject({ ok: true, claims: { scope: 'OR.Jobs.Read' } });
      expect(await t.refresh(desktop, refreshTokenOf(narrowed))).toMatchObject({
        ok: true,
        claims: { scope: 'OR.Jobs.Read OR.Assets.Read' },
      });
    });

    it('given a scope the app holds but the grant does not, then invalid_scope and the token still works', async () => {
      const { refreshToken } = await t.granted(desktop, [jobsRead.scope]);

      expect(await t.refresh(desktop, refreshToken, { scope: 'OR.Assets.Read' })).toMatchObject(
        refusedWith('invalid_scope'),
      );
      expect(await t.refresh(desktop, refreshToken)).toMatchObject({
        ok: true,
        claims: { scope: 'OR.Jobs.Read' },
      });
    });

    it('given offline_access among the scopes, then it is ignored', async () => {
      const { refreshToken } = await t.granted();

      expect(
        await t.refresh(desktop, refreshToken, { scope: 'OR.Assets.Read offline_access' }),
      ).toMatchObject({ ok: true, claims: { scope: 'OR.Assets.Read' } });
    });

    it('given an app that lost one scope since, then the access token has the others', async () => {
      const { refreshToken } = await t.granted();

      expect(await t.refresh({ ...desktop, userScopes: [assetsRead] }, refreshToken)).toMatchObject(
        { ok: true, claims: { scope: 'OR.Assets.Read' } },
      );
    });

    it('given an app that lost every scope of the grant, then invalid_grant', async () => {
      const { refreshToken } = await t.granted(desktop, [jobsRead.scope]);

      expect(await t.refresh({ ...desktop, userScopes: [assetsRead] }, refreshToken)).toMatchObject(
        refusedWith('invalid_grant'),
      );
    });
  });

  describe('refused tokens', () => {
    it('given an expired refresh token (injected clock), then invalid_grant', async () => {
      const { refreshToken } = await t.granted();
      t.clock.advance(86_400_000);

      expect(await t.refresh(desktop, refreshToken)).toMatchObject(refusedWith('invalid_grant'));
    });

    it.each([
      ['an unknown token', 'A'.repeat(43)],
      ['a token of another shape', 'not-a-token'],
    ])('given %s, then invalid_grant', async (_case, token) => {
      expect(await t.refresh(desktop, token)).toMatchObject(refusedWith('invalid_grant'));
    });

    it('given no refresh_token, then invalid_request', async () => {
      expect(await t.refresh(desktop, '')).toEqual({
        ok: false,
        error: { error: 'invalid_request', description: 'refresh_token is required.' },
      });
    });

    it('given a code grant without offline_access, then there is no refresh token to present', async () => {
      const code = await t.approve(desktop, { offlineAccess: false });

      const outcome = await t.exchange(desktop, code);

      expect(outcome.ok && outcome.refreshToken).toBeUndefined();
    });
  });
});
