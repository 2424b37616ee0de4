import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import {
  clientCredentials as grant,
  E2E_ISSUER,
  E2E_TTL_SECONDS,
  useTokenService,
} from '../testing/token-e2e';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('client credentials grant through HTTP (real Kafka and MongoDB)', () => {
  const t = useTokenService();
  const robotBasic = () => [t.robot.app.appId, t.robot.secret.plaintext] as const;

  it('serves one metadata document at both well-known addresses, issuer as configured', async () => {
    const oauth = await t.getJson('/.well-known/oauth-authorization-server');
    expect(await t.getJson('/.well-known/openid-configuration')).toEqual(oauth);
    expect(oauth).toMatchObject({
      issuer: E2E_ISSUER,
      token_endpoint: `${E2E_ISSUER}/oauth/token`,
      jwks_uri: `${E2E_ISSUER}/.well-known/jwks.json`,
      grant_types_supported: ['client_credentials', 'authorization_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
        'private_key_jwt',
        'none',
      ],
      scopes_supported: expect.arrayContaining(['extapps.apps.read', 'extapps.apps.write']),
    });
  });

  it('issues an RFC 9068 token over Basic as soon as ready, which the JWKS verifies', async () => {
    const answer = await t.token({ form: { ...grant, scope: 'OR.Jobs' }, basic: robotBasic() });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('pragma')).toBe('no-cache');
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: E2E_TTL_SECONDS,
      scope: 'OR.Jobs',
    });
    const metadata = (await t.getJson('/.well-known/oauth-authorization-server')) as {
      issuer: string;
    };
    const jwks = createRemoteJWKSet(new URL(`${t.service().baseUrl}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(
      String(answer.body['access_token']),
      jwks,
      {
        issuer: metadata.issuer,
        audience: 'OrchestratorApi',
        typ: 'at+jwt',
        algorithms: ['ES256'],
        currentDate: t.clock.now(),
      },
    );
    expect(protectedHeader).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: expect.any(String) });
    const iat = Math.floor(t.clock.now().getTime() / 1000);
    expect(payload).toEqual({
      iss: E2E_ISSUER,
      sub: t.robot.app.appId,
      sub_type: 'app',
      aud: 'OrchestratorApi',
      client_id: t.robot.app.appId,
      scope: 'OR.Jobs',
      iat,
      exp: iat + E2E_TTL_SECONDS,
      jti: expect.stringMatching(UUID),
    });
  });

  it('issues with client_secret_post, all scopes of the one resource when none is asked', async () => {
    const { app, secret } = t.admin;
    const answer = await t.token({
      form: { ...grant, client_id: app.appId, client_secret: secret.plaintext },
    });
    expect(answer).toMatchObject({ status: 200, body: { scope: 'extapps.apps.read' } });
    const { kid } = decodeProtectedHeader(String(answer.body['access_token']));
    const jwks = (await t.getJson('/.well-known/jwks.json')) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([kid]);
  });

  it('picks the audience by resource when the app holds scopes of several resources', async () => {
    expect(await t.token({ form: grant, basic: robotBasic() })).toMatchObject({
      status: 400,
      body: { error: 'invalid_target' },
    });
    const answer = await t.token({
      form: { ...grant, resource: 'ExtAppsAdminApi' },
      basic: robotBasic(),
    });
    expect(answer).toMatchObject({ status: 200, body: { scope: 'extapps.apps.read' } });
  });

  it('writes no secret and no token to the log', async () => {
    const issued = await t.token({ form: { ...grant, scope: 'OR.Jobs' }, basic: robotBasic() });
    await t.token({ form: grant, basic: [t.robot.app.appId, `${t.robot.secret.plaintext}x`] });
    const log = JSON.stringify(t.service().logs.lines());
    expect(log).toContain('client authentication failed');
    for (const { secret } of [t.robot, t.admin]) expect(log).not.toContain(secret.plaintext);
    expect(log).not.toContain(String(issued.body['access_token']));
  });
});
