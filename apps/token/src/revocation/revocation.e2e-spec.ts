import { TokenEvent } from '@extapps/contracts';
import { eventually } from '@extapps/testing';
import { errors } from 'openid-client';
import { jtiOf } from '../events/testing/events-e2e';
import { useTokenStateService } from '../introspection/testing/token-state-e2e';
import { E2E_ISSUER } from '../testing/token-e2e';

const REVOKE = '/oauth/revoke';

describe('revocation (RFC 7009) through HTTP (real Kafka and MongoDB)', () => {
  const t = useTokenStateService();
  const robot = () => [t.robot.app.appId, t.robot.secret.plaintext] as const;
  const admin = () => [t.admin.app.appId, t.admin.secret.plaintext] as const;
  const webId = () => t.web.app.appId;
  const robotToken = () => t.appToken(...robot(), 'OR.Jobs');
  /** What the introspection endpoint says, asked by `admin` (a resource server). */
  const active = async (token: string) => (await t.client(...admin()).introspect(token)).active;
  const revokedEvents = (clientId: string) =>
    t
      .tokenEvents()
      .filter(
        (e): e is Extract<TokenEvent, { type: 'TokenRevoked' }> =>
          e.type === 'TokenRevoked' && e.streamId === clientId,
      );

  it('is announced in the metadata, with `none` for apps without a secret', async () => {
    expect(await t.getJson('/.well-known/oauth-authorization-server')).toMatchObject({
      revocation_endpoint: `${E2E_ISSUER}/oauth/revoke`,
      revocation_endpoint_auth_methods_supported: expect.arrayContaining([
        'client_secret_basic',
        'client_secret_post',
        'none',
      ]),
    });
  });

  it('revokes its own access token (openid-client): 200, then inactive, TokenRevoked on the topic', async () => {
    const token = await robotToken();
    expect(await active(token)).toBe(true);

    await t.client(...robot()).revoke(token, 'access_token');

    expect(await active(token)).toBe(false);
    const raw = await t.post(REVOKE, { token }, robot());
    expect(raw).toMatchObject({ status: 200, text: '' });
    const jti = jtiOf(token);
    await eventually(() =>
      expect(revokedEvents(t.robot.app.appId).filter((e) => e.data.jti === jti)).toEqual([
        expect.objectContaining({
          actor: expect.objectContaining({ type: 'app', id: t.robot.app.appId }),
          data: {
            clientId: t.robot.app.appId,
            target: 'access_token',
            jti,
            grantId: null,
            reason: 'revocation-request',
          },
        }),
      ]),
    );
  });

  it("refuses to revoke another client's access token: unauthorized_client, still active", async () => {
    const token = await robotToken();

    const refusal = await t
      .client(...admin())
      .revoke(token)
      .catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(errors.OPError);
    expect(refusal).toMatchObject({ error: 'unauthorized_client' });
    expect((refusal as errors.OPError).response?.statusCode).toBe(400);
    expect(await active(token)).toBe(true);
  });

  it('answers 200 for an unknown or malformed token, with an ignored unknown hint', async () => {
    for (const token of ['unknown-token', 'a.b.c'])
      expect(await t.post(REVOKE, { token, token_type_hint: 'id_token' }, robot())).toMatchObject({
        status: 200,
        text: '',
      });
  });

  it('refuses an unauthenticated caller: 401 invalid_client, nothing revoked', async () => {
    const token = await robotToken();

    const answer = await t.post(REVOKE, { token }, [t.robot.app.appId, 'wrong-secret']);

    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Basic realm="extapps"');
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'invalid_client' });
    expect(await active(token)).toBe(true);
  });

  it('revokes the grant of its own refresh token: the grant access tokens turn inactive too', async () => {
    const { accessToken, refreshToken } = await t.userTokens('web');
    const web = t.client(webId(), t.web.secret.plaintext);
    expect(await active(accessToken)).toBe(true);

    await web.revoke(refreshToken, 'refresh_token');

    expect(await web.introspect(refreshToken)).toEqual({ active: false });
    expect(await active(accessToken)).toBe(false);
    const again = await t.token({
      form: { grant_type: 'refresh_token', refresh_token: refreshToken },
      basic: [webId(), t.web.secret.plaintext],
    });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    await eventually(() =>
      expect(revokedEvents(webId()).map((e) => e.data)).toContainEqual({
        clientId: webId(),
        target: 'refresh_token',
        jti: null,
        grantId: expect.any(String),
        reason: 'revocation-request',
      }),
    );
  });

  it('lets a non-confidential app revoke its own refresh token with its client id alone', async () => {
    const { accessToken, refreshToken } = await t.userTokens('desktop');

    await t.client(t.desktop.app.appId).revoke(refreshToken);

    expect(await active(accessToken)).toBe(false);
  });

  it("refuses to revoke another client's refresh token, whose grant stays", async () => {
    const { accessToken, refreshToken } = await t.userTokens('desktop');

    const answer = await t.post(REVOKE, { token: refreshToken }, [webId(), t.web.secret.plaintext]);

    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'unauthorized_client' });
    expect(await active(accessToken)).toBe(true);
  });
});
