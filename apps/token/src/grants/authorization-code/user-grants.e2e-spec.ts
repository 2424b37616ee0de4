import { createRemoteJWKSet, jwtVerify } from 'jose';
import { generators, Issuer } from 'openid-client';
import { eventually } from '@extapps/testing';
import { AuthorizationRequestApproval } from '../../authorize/authorization-codes';
import { useUserGrantService, WEB_REDIRECT } from './testing/user-grant-e2e';

const NATIVE_REDIRECT = 'http://127.0.0.1/callback';
const invalidGrant = { status: 400, body: { error: 'invalid_grant' } };

describe('authorization code and refresh token grants through HTTP (real Kafka and MongoDB)', () => {
  const t = useUserGrantService();
  const desktopId = () => t.desktop.appId;

  /** A PKCE code for the desktop app, and its verifier (openid-client's generators). */
  async function desktopCode(overrides: Partial<AuthorizationRequestApproval> = {}) {
    const verifier = generators.codeVerifier();
    const code = await t.approve({
      clientId: desktopId(),
      redirectUri: NATIVE_REDIRECT,
      userId: 'user-e2e',
      scopes: ['OR.Jobs.Read'],
      audience: 'OrchestratorApi',
      offlineAccess: true,
      codeChallenge: generators.codeChallenge(verifier),
      ...overrides,
    });
    return { code, verifier };
  }

  const exchange = (code: string, verifier: string) =>
    t.token({
      form: {
        grant_type: 'authorization_code',
        client_id: desktopId(),
        code,
        redirect_uri: NATIVE_REDIRECT,
        code_verifier: verifier,
      },
    });
  const refresh = (refreshToken: string) =>
    t.token({
      form: { grant_type: 'refresh_token', client_id: desktopId(), refresh_token: refreshToken },
    });

  async function verify(accessToken: string) {
    const jwks = createRemoteJWKSet(new URL(`${t.issuer()}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(accessToken, jwks, {
      issuer: t.issuer(),
      audience: 'OrchestratorApi',
      typ: 'at+jwt',
      algorithms: ['ES256'],
      currentDate: t.clock.now(),
    });
    return payload;
  }

  it('serves a public app with openid-client: discovery, code + PKCE, refresh with rotation, tokens the JWKS verifies', async () => {
    const issuer = await Issuer.discover(t.issuer());
    expect(issuer.metadata['grant_types_supported']).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token']),
    );
    const client = new issuer.Client({
      client_id: desktopId(),
      token_endpoint_auth_method: 'none',
      redirect_uris: [NATIVE_REDIRECT],
    });
    const { code, verifier } = await desktopCode();

    const first = await client.grant({
      grant_type: 'authorization_code',
      code,
      redirect_uri: NATIVE_REDIRECT,
      code_verifier: verifier,
    });

    expect(first).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'OR.Jobs.Read' });
    const claims = await verify(String(first.access_token));
    expect(claims).toMatchObject({
      iss: t.issuer(),
      sub: 'user-e2e',
      sub_type: 'user',
      client_id: desktopId(),
      scope: 'OR.Jobs.Read',
      gid: expect.any(String),
    });
    const refreshed = await client.refresh(String(first.refresh_token));
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect(await verify(String(refreshed.access_token))).toMatchObject({ gid: claims['gid'] });
    await eventually(() =>
      expect(t.eventsOfGrant(desktopId(), claims['gid'])).toEqual([
        expect.objectContaining({
          type: 'TokenIssued',
          data: expect.objectContaining({ grantType: 'authorization_code', secretId: null }),
        }),
        expect.objectContaining({ type: 'TokenRefreshed', data: expect.anything() }),
      ]),
    );
  });

  it('serves a confidential app with openid-client over client_secret_basic, without PKCE', async () => {
    const issuer = await Issuer.discover(t.issuer());
    const client = new issuer.Client({
      client_id: t.web.app.appId,
      client_secret: t.web.secret.plaintext,
      token_endpoint_auth_method: 'client_secret_basic',
    });
    const code = await t.approve({
      clientId: t.web.app.appId,
      redirectUri: WEB_REDIRECT,
      userId: 'user-e2e',
      scopes: ['OR.Jobs.Read', 'OR.Assets.Read'],
      audience: 'OrchestratorApi',
      offlineAccess: false,
      codeChallenge: null,
    });

    const tokens = await client.grant({
      grant_type: 'authorization_code',
      code,
      redirect_uri: WEB_REDIRECT,
    });

    expect(tokens.refresh_token).toBeUndefined();
    expect(await verify(String(tokens.access_token))).toMatchObject({
      client_id: t.web.app.appId,
      scope: 'OR.Jobs.Read OR.Assets.Read',
    });
    await eventually(() =>
      expect(t.eventsOf(t.web.app.appId)).toContainEqual(
        expect.objectContaining({
          type: 'TokenIssued',
          data: expect.objectContaining({ secretId: t.web.secret.data.secretId }),
        }),
      ),
    );
  });

  it('refuses a replayed code with invalid_grant and revokes what the first exchange produced', async () => {
    const { code, verifier } = await desktopCode();
    const first = await exchange(code, verifier);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const refreshToken = String(first.body['refresh_token']);
    const { gid } = await verify(String(first.body['access_token']));

    expect(await exchange(code, verifier)).toMatchObject(invalidGrant);

    expect(await refresh(refreshToken)).toMatchObject(invalidGrant);
    await eventually(() =>
      expect(t.eventsOf(desktopId())).toContainEqual(
        expect.objectContaining({
          type: 'TokenRevoked',
          data: {
            clientId: desktopId(),
            target: 'grant',
            jti: null,
            grantId: gid,
            reason: 'authorization-code-reuse',
          },
        }),
      ),
    );
  });

  it('revokes the whole grant when a rotated refresh token comes back', async () => {
    const { code, verifier } = await desktopCode();
    const first = await exchange(code, verifier);
    const old = String(first.body['refresh_token']);
    const { gid } = await verify(String(first.body['access_token']));
    const rotated = await refresh(old);
    expect(rotated).toMatchObject({ status: 200, body: { refresh_token: expect.any(String) } });

    expect(await refresh(old)).toMatchObject(invalidGrant);

    expect(await refresh(String(rotated.body['refresh_token']))).toMatchObject(invalidGrant);
    await eventually(() => {
      const ofGrant = t.eventsOfGrant(desktopId(), gid);
      expect(ofGrant.map((e) => e.type)).toEqual([
        'TokenIssued',
        'TokenRefreshed',
        'RefreshTokenReuseDetected',
        'TokenRevoked',
      ]);
      expect(ofGrant[3].data).toMatchObject({ reason: 'refresh-token-reuse' });
    });
  });

  it('refuses a code at 60 s (injected clock), a wrong or missing verifier, and another app’s code', async () => {
    const expired = await desktopCode();
    t.clock.advance(60_000);
    expect(await exchange(expired.code, expired.verifier)).toMatchObject(invalidGrant);

    const { code, verifier } = await desktopCode();
    expect(await exchange(code, generators.codeVerifier())).toMatchObject(invalidGrant);
    const noVerifier = await t.token({
      form: {
        grant_type: 'authorization_code',
        client_id: desktopId(),
        code,
        redirect_uri: NATIVE_REDIRECT,
      },
    });
    expect(noVerifier).toMatchObject(invalidGrant);
    const otherApp = await t.token({
      form: {
        grant_type: 'authorization_code',
        code,
        redirect_uri: NATIVE_REDIRECT,
        code_verifier: verifier,
      },
      basic: [t.web.app.appId, t.web.secret.plaintext],
    });
    expect(otherApp).toMatchObject(invalidGrant);
    expect((await exchange(code, verifier)).status).toBe(200);
  });

  it('writes no code and no refresh token to the log', async () => {
    const { code, verifier } = await desktopCode();
    const answer = await exchange(code, verifier);
    await exchange(code, verifier);

    const log = JSON.stringify(t.logs.lines());
    expect(log).not.toContain(code);
    expect(log).not.toContain(String(answer.body['refresh_token']));
  });
});
