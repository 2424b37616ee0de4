import { jwksSchema } from '@extapps/contracts';
import { eventually } from '@extapps/testing';
import { createRemoteJWKSet, exportJWK, jwtVerify } from 'jose';
import { Issuer } from 'openid-client';
import { AppStream, appsRead, newSecret } from '../testing/app-events';
import { clientCredentials as grant, E2E_ISSUER, useTokenService } from '../testing/token-e2e';
import { useTokenTopic } from '../users/testing/token-topic';
import { CLIENT_ASSERTION_ALGORITHMS, JWT_BEARER_ASSERTION_TYPE } from './client-assertion';
import {
  AppKey,
  appKey,
  assertionClaims,
  signAssertion,
} from './testing/client-assertion-fixtures';

const TOKEN_ENDPOINT = `${E2E_ISSUER}/oauth/token`;

describe('private_key_jwt client authentication through HTTP (real Kafka and MongoDB)', () => {
  const t = useTokenService();
  const topic = useTokenTopic();
  const app = new AppStream();
  let key: AppKey;

  beforeAll(async () => {
    key = await appKey('ES256');
    const jwks = jwksSchema.parse({ keys: [key.publicJwk] });
    await t.events.publish(app.registeredConfidential(newSecret(), [appsRead], { jwks }));
    await eventually(async () => expect((await withAssertion()).status).toBe(200));
  });

  const assertion = (overrides = {}, signer = key, clientId = app.appId) =>
    signAssertion(
      signer,
      assertionClaims(clientId, t.clock.now(), { aud: TOKEN_ENDPOINT, ...overrides }),
    );
  async function withAssertion(signed?: string, extra: Record<string, string> = {}) {
    return t.token({
      form: {
        ...grant,
        client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
        client_assertion: signed ?? (await assertion()),
        ...extra,
      },
    });
  }
  const failuresOf = (clientId: string) =>
    topic
      .eventsOf(clientId)
      .filter((e) => e.type === 'ClientAuthenticationFailed')
      .map((e) => e.data);

  it('publishes private_key_jwt and its signing algorithms in the metadata', async () => {
    expect(await t.getJson('/.well-known/oauth-authorization-server')).toMatchObject({
      token_endpoint_auth_methods_supported: expect.arrayContaining(['private_key_jwt']),
      token_endpoint_auth_signing_alg_values_supported: CLIENT_ASSERTION_ALGORITHMS,
    });
  });

  it('issues a token to openid-client authenticating with the app key (private_key_jwt)', async () => {
    const issuer = new Issuer({
      issuer: E2E_ISSUER,
      token_endpoint: `${t.service().baseUrl}/oauth/token`,
    });
    const privateJwk = { ...(await exportJWK(key.privateKey)), kid: key.kid, alg: 'ES256' };
    const client = new issuer.Client(
      {
        client_id: app.appId,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
      },
      { keys: [privateJwk] },
    );

    const tokens = await client.grant({ grant_type: 'client_credentials' });

    const jwks = createRemoteJWKSet(new URL(`${t.service().baseUrl}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(String(tokens.access_token), jwks, {
      issuer: E2E_ISSUER,
      typ: 'at+jwt',
      currentDate: t.clock.now(),
    });
    expect(payload).toMatchObject({
      sub: app.appId,
      client_id: app.appId,
      scope: 'extapps.apps.read',
    });
    const issued = await eventually(() => {
      const events = topic.eventsOf(app.appId).filter((e) => e.type === 'TokenIssued');
      expect(events.length).toBeGreaterThan(0);
      return events;
    });
    expect(issued.at(-1)?.data).toMatchObject({ clientId: app.appId, secretId: null });
  });

  it('refuses a replayed assertion: 401 invalid_client, ClientAuthenticationFailed invalid-assertion', async () => {
    const once = await assertion({ jti: 'replay-me' });
    expect((await withAssertion(once)).status).toBe(200);

    const replayed = await withAssertion(once);

    expect(replayed).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(replayed.headers.get('www-authenticate')).toBe('Basic realm="extapps"');
    await eventually(() =>
      expect(failuresOf(app.appId)).toContainEqual({
        clientId: app.appId,
        method: 'private_key_jwt',
        reason: 'invalid-assertion',
        endpoint: 'token',
      }),
    );
  });

  it('refuses an assertion signed by a key the app did not register', async () => {
    const before = failuresOf(app.appId).length;
    const forged = await assertion({}, await appKey('ES256'));

    expect(await withAssertion(forged)).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    await eventually(() => expect(failuresOf(app.appId)).toHaveLength(before + 1));
    expect(failuresOf(app.appId).at(-1)).toMatchObject({ reason: 'invalid-assertion' });
  });

  it('refuses an assertion for another audience', async () => {
    const elsewhere = await assertion({ aud: 'https://other.example/oauth/token' });
    expect(await withAssertion(elsewhere)).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });

  it('refuses private_key_jwt from an app that registered no JWKS: no-keys', async () => {
    const robot = t.robot.app.appId;
    const signed = await assertion({}, key, robot);

    expect(await withAssertion(signed)).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    await eventually(() =>
      expect(failuresOf(robot)).toContainEqual({
        clientId: robot,
        method: 'private_key_jwt',
        reason: 'no-keys',
        endpoint: 'token',
      }),
    );
  });

  it('refuses an assertion together with a client secret: 400 invalid_request', async () => {
    const answer = await withAssertion(undefined, { client_id: app.appId, client_secret: 'x' });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});
