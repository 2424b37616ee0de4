import { randomUUID } from 'node:crypto';
import { eventually } from '@extapps/testing';
import { generateKeyPair, SignJWT } from 'jose';
import { E2E_ISSUER, E2E_TTL_SECONDS } from '../testing/token-e2e';
import { useTokenStateService } from './testing/token-state-e2e';

const INTROSPECT = '/oauth/introspect';
const INACTIVE_BODY = '{"active":false}';
/** REFRESH_TOKEN_TTL_SECONDS, not set by the suite: 30 days. */
const REFRESH_TOKEN_DEFAULT_TTL_SECONDS = 30 * 86_400;

describe('introspection (RFC 7662) through HTTP (real Kafka and MongoDB)', () => {
  const t = useTokenStateService();
  const rs = () => [t.admin.app.appId, t.admin.secret.plaintext] as const;
  const robotToken = () =>
    t.appToken(t.robot.app.appId, t.robot.secret.plaintext, 'OR.Jobs OR.Assets.Read');
  const introspectRaw = async (token: string) => t.post(INTROSPECT, { token }, rs());

  it('is announced in the metadata, under the issuer', async () => {
    const metadata = await t.getJson('/.well-known/oauth-authorization-server');
    expect(metadata).toMatchObject({
      introspection_endpoint: `${E2E_ISSUER}/oauth/introspect`,
      introspection_endpoint_auth_methods_supported: expect.arrayContaining([
        'client_secret_basic',
        'client_secret_post',
      ]),
    });
    expect(metadata).not.toMatchObject({
      introspection_endpoint_auth_methods_supported: expect.arrayContaining(['none']),
    });
  });

  it('answers an authenticated caller the claims of an active access token (openid-client)', async () => {
    const token = await robotToken();
    const iat = Math.floor(t.clock.now().getTime() / 1000);

    const answer = await t.client(...rs()).introspect(token, 'access_token');

    expect(answer).toEqual({
      active: true,
      token_type: 'Bearer',
      scope: 'OR.Jobs OR.Assets.Read',
      client_id: t.robot.app.appId,
      sub: t.robot.app.appId,
      sub_type: 'app',
      aud: 'OrchestratorApi',
      iss: E2E_ISSUER,
      iat,
      exp: iat + E2E_TTL_SECONDS,
      jti: expect.any(String),
    });
    const raw = await introspectRaw(token);
    expect(raw.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a caller that does not authenticate: 401 invalid_client with a challenge', async () => {
    const token = await robotToken();
    const refusals = [
      await t.post(INTROSPECT, { token }),
      await t.post(INTROSPECT, { token }, [t.admin.app.appId, 'wrong-secret']),
      await t.post(INTROSPECT, { token, client_id: t.desktop.app.appId }),
    ];

    for (const answer of refusals) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Basic realm="extapps"');
      expect(JSON.parse(answer.text)).toMatchObject({ error: 'invalid_client' });
    }
    await eventually(() =>
      expect(t.tokenEvents()).toContainEqual(
        expect.objectContaining({
          type: 'ClientAuthenticationFailed',
          data: expect.objectContaining({ clientId: t.admin.app.appId, endpoint: 'introspection' }),
        }),
      ),
    );
  });

  it('refuses a request without token as invalid_request', async () => {
    const answer = await t.post(INTROSPECT, {}, rs());

    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'invalid_request' });
  });

  it.each(['not-a-token', 'a.b.c', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln', randomUUID()])(
    'answers exactly {"active":false} for the malformed or unknown token %j',
    async (token) => {
      expect(await introspectRaw(token)).toMatchObject({ status: 200, text: INACTIVE_BODY });
    },
  );

  it('answers exactly {"active":false} for foreign tokens: another key, or another issuer', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const genuine = await robotToken();
    const claims = JSON.parse(Buffer.from(genuine.split('.')[1], 'base64url').toString('utf8'));
    const { kid } = JSON.parse(Buffer.from(genuine.split('.')[0], 'base64url').toString('utf8'));
    const forge = (payload: Record<string, unknown>) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
        .sign(privateKey);

    expect(await introspectRaw(await forge(claims))).toMatchObject({ text: INACTIVE_BODY });
    const elsewhere = { ...claims, iss: 'https://elsewhere.example.com' };
    expect(await introspectRaw(await forge(elsewhere))).toMatchObject({ text: INACTIVE_BODY });
  });

  it('answers a refresh token only to its own client; to others exactly {"active":false}', async () => {
    const { refreshToken } = await t.userTokens('web');
    const web = t.client(t.web.app.appId, t.web.secret.plaintext);
    const iat = Math.floor(t.clock.now().getTime() / 1000);

    expect(await web.introspect(refreshToken, 'refresh_token')).toEqual({
      active: true,
      token_type: 'refresh_token',
      scope: 'OR.Jobs.Read',
      client_id: t.web.app.appId,
      sub: 'user-e2e',
      sub_type: 'user',
      aud: 'OrchestratorApi',
      iss: E2E_ISSUER,
      iat,
      exp: iat + REFRESH_TOKEN_DEFAULT_TTL_SECONDS,
    });
    expect(await introspectRaw(refreshToken)).toMatchObject({ text: INACTIVE_BODY });
  });

  it('answers exactly {"active":false} once the token has expired by the service clock', async () => {
    const token = await robotToken();
    expect(await t.client(...rs()).introspect(token)).toMatchObject({ active: true });

    t.clock.advance(E2E_TTL_SECONDS * 1000);

    expect(await introspectRaw(token)).toMatchObject({ status: 200, text: INACTIVE_BODY });
  });
});
