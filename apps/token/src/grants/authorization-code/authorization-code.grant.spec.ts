import { opaqueTokenHash } from '../../grant-store/opaque-token';
import {
  assetsRead,
  desktop,
  ISSUER,
  jobsRead,
  refusedWith,
  UserGrantFixture,
  web,
  WEB_REDIRECT,
} from './testing/user-grant-fixture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('AuthorizationCodeGrant', () => {
  let t: UserGrantFixture;
  beforeEach(() => {
    t = new UserGrantFixture();
  });
  const grantIdOf = async (code: string) =>
    (await t.codeStore.find(opaqueTokenHash(code)))?.grantId as string;

  describe('a code redeemed once', () => {
    it('given a PKCE code of a non-confidential app, when exchanged with its verifier, then a user token, a refresh token and TokenIssued', async () => {
      const code = await t.approve(desktop);
      const grantId = await grantIdOf(code);

      const outcome = await t.exchange(desktop, code);

      const iat = Math.floor(t.clock.now().getTime() / 1000);
      expect(outcome).toEqual({
        ok: true,
        claims: {
          iss: ISSUER,
          sub: 'user-1',
          sub_type: 'user',
          aud: 'OrchestratorApi',
          client_id: 'desktop',
          scope: 'OR.Jobs.Read OR.Assets.Read',
          iat,
          exp: iat + 600,
          jti: expect.stringMatching(UUID),
          gid: grantId,
        },
        refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        events: expect.any(Array),
      });
      expect(t.sink.events.map((e) => e.type)).toEqual(['TokenIssued']);
      expect(t.sink.ofType('TokenIssued')[0]).toMatchObject({
        streamId: 'desktop',
        data: {
          clientId: 'desktop',
          grantType: 'authorization_code',
          subject: 'user-1',
          subjectType: 'user',
          scope: 'OR.Jobs.Read OR.Assets.Read',
          audience: ['OrchestratorApi'],
          expiresAt: '2026-03-01T10:10:00.000Z',
          secretId: null,
          grantId,
        },
      });
      expect(await t.grants.findGrant(grantId)).toEqual({
        grantId,
        clientId: 'desktop',
        userId: 'user-1',
        scopes: ['OR.Jobs.Read', 'OR.Assets.Read'],
        audience: 'OrchestratorApi',
        offlineAccess: true,
        createdAt: t.clock.now(),
      });
    });

    it('given a code without offline_access, when exchanged, then no refresh token', async () => {
      const code = await t.approve(desktop, { offlineAccess: false });

      const outcome = await t.exchange(desktop, code);

      expect(outcome).toMatchObject({ ok: true });
      expect(outcome).not.toHaveProperty('refreshToken');
    });

    it('given a confidential app without PKCE, when exchanged with its secret, then TokenIssued names the secret', async () => {
      const code = await t.approve(web, { codeChallenge: null });

      const outcome = await t.exchange(web, code, { code_verifier: '' });

      expect(outcome).toMatchObject({ ok: true, claims: { client_id: 'web', sub: 'user-1' } });
      expect(t.sink.ofType('TokenIssued')[0].data).toMatchObject({ secretId: 'sec-web' });
    });

    it('given a confidential app that used PKCE, when exchanged with its verifier, then it is accepted', async () => {
      const code = await t.approve(web);

      expect(await t.exchange(web, code)).toMatchObject({ ok: true });
    });

    it('given an app with its own token lifetime, when exchanged, then the token lives that long', async () => {
      const app = { ...desktop, accessTokenLifetimeSeconds: 120 };
      const code = await t.approve(app);

      const outcome = await t.exchange(app, code);

      expect(outcome.ok && outcome.claims.exp - outcome.claims.iat).toBe(120);
    });
  });

  describe('refused codes', () => {
    it.each([
      ['an unknown code', 'A'.repeat(43)],
      ['a code of another shape', 'not-a-code'],
    ])('given %s, when exchanged, then invalid_grant', async (_case, code) => {
      expect(await t.exchange(desktop, code)).toMatchObject(refusedWith('invalid_grant'));
    });

    it.each([
      ['code', 'code is required.'],
      ['redirect_uri', 'redirect_uri is required (the authorization request one).'],
    ])('given no %s, when exchanged, then invalid_request', async (name, description) => {
      const code = await t.approve(desktop);

      expect(await t.exchange(desktop, code, { [name]: '' })).toEqual({
        ok: false,
        error: { error: 'invalid_request', description },
      });
    });

    it('given a code of another app, when exchanged, then invalid_grant and the code stays its app’s', async () => {
      const code = await t.approve(web);

      expect(await t.exchange(desktop, code, { redirect_uri: WEB_REDIRECT })).toMatchObject(
        refusedWith('invalid_grant'),
      );
      expect(await t.exchange(web, code)).toMatchObject({ ok: true });
    });

    it('given another redirect_uri than the authorization request’s, when exchanged, then invalid_grant', async () => {
      const code = await t.approve(desktop);

      expect(
        await t.exchange(desktop, code, { redirect_uri: 'http://127.0.0.1:8401/callback' }),
      ).toEqual({
        ok: false,
        error: {
          error: 'invalid_grant',
          description: 'redirect_uri differs from the authorization request.',
        },
      });
    });

    it('given a redirect URI the app no longer has, when exchanged, then invalid_grant', async () => {
      const code = await t.approve(desktop);

      const changed = { ...desktop, redirectUris: ['http://127.0.0.1:9000/cb'] };
      expect(
        await t.exchange(changed, code, { redirect_uri: desktop.redirectUris[0] }),
      ).toMatchObject(refusedWith('invalid_grant'));
    });

    it('given a disabled app, when it exchanges its code, then invalid_grant', async () => {
      const code = await t.approve(desktop);

      expect(await t.exchange({ ...desktop, status: 'disabled' }, code)).toMatchObject(
        refusedWith('invalid_grant'),
      );
    });

    it('given an app that lost one scope since, when exchanged, then the token has the others', async () => {
      const code = await t.approve(desktop);

      const outcome = await t.exchange({ ...desktop, userScopes: [assetsRead] }, code);

      expect(outcome).toMatchObject({ ok: true, claims: { scope: 'OR.Assets.Read' } });
    });

    it('given an app that lost every scope of the code, when exchanged, then invalid_grant', async () => {
      const code = await t.approve(desktop, { scopes: [jobsRead.scope] });

      expect(await t.exchange({ ...desktop, userScopes: [assetsRead] }, code)).toMatchObject(
        refusedWith('invalid_grant'),
      );
    });

    it('given a resource other than the code’s audience, when exchanged, then invalid_target', async () => {
      const code = await t.approve(desktop);

      expect(await t.exchange(desktop, code, { resource: 'ExtAppsAdminApi' })).toMatchObject(
        refusedWith('invalid_target'),
      );
    });
  });
});
