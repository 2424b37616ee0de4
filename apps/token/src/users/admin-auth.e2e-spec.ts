import { eventually, uniqueName } from '@extapps/testing';
import { AppStream, newSecret } from '../testing/app-events';
import { E2E_TTL_SECONDS } from '../testing/token-e2e';
import { useUsersApi, usersRead, usersWrite } from './testing/users-e2e';

const PASSWORD = 'rabbit-hole-1865';

describe("admin API authentication: this service's own access tokens, verified in memory", () => {
  const api = useUsersApi();
  let token: string;
  beforeAll(async () => {
    token = await api.tokenOf(api.writer, 'extapps.users.read extapps.users.write');
  });
  const newName = () =>
    uniqueName('user')
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-');

  it('answers 401 with a Bearer challenge without a token', async () => {
    const answer = await api.call('GET', '/v1/users');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="extapps"');
  });

  it('answers 403 insufficient_scope to a reader that writes, and lets it read', async () => {
    const readerToken = await api.tokenOf(api.reader);
    const answer = await api.call('POST', '/v1/users', {
      token: readerToken,
      body: { username: newName(), displayName: 'Eve', password: PASSWORD },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect((await api.call('GET', '/v1/users', { token: readerToken })).status).toBe(200);
  });

  it('refuses a token for another audience as invalid_token', async () => {
    const robot = await api.t.token({
      form: { grant_type: 'client_credentials', scope: 'OR.Jobs' },
      basic: [api.t.robot.app.appId, api.t.robot.secret.plaintext],
    });
    const answer = await api.call('GET', '/v1/users', {
      token: String(robot.body['access_token']),
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(answer.body).toMatchObject({ detail: 'The access token is not meant for this API.' });
  });

  it('refuses a tampered token and an expired one', async () => {
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    expect((await api.call('GET', '/v1/users', { token: forged })).status).toBe(401);
    const start = api.t.clock.now();
    try {
      api.t.clock.advance(E2E_TTL_SECONDS * 1000);
      const expired = await api.call('GET', '/v1/users', { token });
      expect(expired).toMatchObject({
        status: 401,
        body: { detail: 'The access token has expired.' },
      });
    } finally {
      api.t.clock.set(start);
    }
  });

  it('refuses a token its app revoked through /oauth/revoke (RFC 7009)', async () => {
    const revocable = await api.tokenOf(api.writer);
    expect((await api.call('GET', '/v1/users', { token: revocable })).status).toBe(200);
    const basic = Buffer.from(`${api.writer.app.appId}:${api.writer.secret.plaintext}`);
    const revoked = await fetch(`${api.t.service().baseUrl}/oauth/revoke`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic.toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: revocable }).toString(),
    });
    expect(revoked.status).toBe(200);
    expect(await api.call('GET', '/v1/users', { token: revocable })).toMatchObject({
      status: 401,
      body: { detail: 'The access token has been revoked.' },
    });
  });

  it("stops honouring an admin app's tokens once it is disabled", async () => {
    const app = { app: new AppStream(), secret: newSecret() };
    await api.t.events.publish(app.app.registeredConfidential(app.secret, [usersRead, usersWrite]));
    const appToken = await api.tokenOf(app);
    expect((await api.call('GET', '/v1/users', { token: appToken })).status).toBe(200);
    await api.t.events.publish(app.app.disabled());
    await eventually(async () => {
      const answer = await api.call('GET', '/v1/users', { token: appToken });
      expect(answer).toMatchObject({
        status: 401,
        body: { detail: 'The client of the access token is not active.' },
      });
    });
  });
});
