import { eventually } from '@extapps/testing';
import { AppStream, appsRead, newSecret } from '../testing/app-events';
import { clientCredentials as grant, useTokenService } from '../testing/token-e2e';

const invalidClient = { status: 401, body: { error: 'invalid_client' } };

describe('token endpoint refusals through HTTP (real Kafka and MongoDB)', () => {
  const t = useTokenService();
  const robotBasic = () => [t.robot.app.appId, t.robot.secret.plaintext] as const;

  /** A confidential app of the test's own, usable before the test changes it. */
  async function freshApp() {
    const app = new AppStream();
    const secret = newSecret();
    await t.events.publish(app.registeredConfidential(secret, [appsRead]));
    const basic = [app.appId, secret.plaintext] as const;
    await eventually(async () => expect((await t.token({ form: grant, basic })).status).toBe(200));
    return { app, secret, basic };
  }

  it('refuses two client authentication methods at once as invalid_request', async () => {
    const answer = await t.token({
      form: { ...grant, client_secret: t.robot.secret.plaintext },
      basic: robotBasic(),
    });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a wrong secret with 401 and a Basic challenge, over Basic and post alike', async () => {
    const wrong = newSecret().plaintext;
    const overBasic = await t.token({ form: grant, basic: [t.robot.app.appId, wrong] });
    expect(overBasic).toMatchObject(invalidClient);
    expect(overBasic.headers.get('www-authenticate')).toBe('Basic realm="extapps"');
    const overPost = await t.token({
      form: { ...grant, client_id: t.robot.app.appId, client_secret: wrong },
    });
    expect(overPost).toMatchObject(invalidClient);
    expect(overPost.headers.get('www-authenticate')).toBe('Basic realm="extapps"');
  });

  it('stops honouring a secret once SecretRevoked is published, and keeps the others', async () => {
    const { app, secret, basic } = await freshApp();
    const second = newSecret();
    await t.events.publish(app.secretAdded(second), app.secretRevoked(secret));
    await eventually(async () =>
      expect(await t.token({ form: grant, basic })).toMatchObject(invalidClient),
    );
    expect((await t.token({ form: grant, basic: [app.appId, second.plaintext] })).status).toBe(200);
  });

  it('refuses a disabled app, and serves it again once enabled', async () => {
    const { app, basic } = await freshApp();
    await t.events.publish(app.disabled());
    await eventually(async () =>
      expect(await t.token({ form: grant, basic })).toMatchObject(invalidClient),
    );
    await t.events.publish(app.enabled());
    await eventually(async () => expect((await t.token({ form: grant, basic })).status).toBe(200));
  });

  it('refuses a deleted app', async () => {
    const { app, basic } = await freshApp();
    await t.events.publish(app.deleted());
    await eventually(async () =>
      expect(await t.token({ form: grant, basic })).toMatchObject(invalidClient),
    );
  });

  it('refuses a secret from its expiry on, by the service clock', async () => {
    const form = { ...grant, scope: 'OR.Jobs' };
    const start = t.clock.now();
    try {
      t.clock.set(new Date(t.robot.secret.data.expiresAt ?? ''));
      expect(await t.token({ form, basic: robotBasic() })).toMatchObject(invalidClient);
    } finally {
      t.clock.set(start);
    }
    expect((await t.token({ form, basic: robotBasic() })).status).toBe(200);
  });

  it('refuses client_credentials to a non-confidential app as unauthorized_client', async () => {
    expect(await t.token({ form: { ...grant, client_id: t.desktop.app.appId } })).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client' },
    });
  });

  it('refuses a scope the app does not hold as invalid_scope', async () => {
    const answer = await t.token({ form: { ...grant, scope: 'OR.Queues' }, basic: robotBasic() });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });

  it.each(['password', 'implicit', 'urn:ietf:params:oauth:grant-type:device_code'])(
    'refuses grant_type=%s as unsupported_grant_type',
    async (grantType) => {
      const answer = await t.token({ form: { grant_type: grantType }, basic: robotBasic() });
      expect(answer).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    },
  );

  it('refuses a repeated parameter and a body that is not a form as invalid_request', async () => {
    const repeated = await t.token({
      form: 'grant_type=client_credentials&scope=OR.Jobs&scope=OR.Jobs',
      basic: robotBasic(),
    });
    expect(repeated).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const json = await t.token({
      form: JSON.stringify(grant),
      contentType: 'application/json',
      basic: robotBasic(),
    });
    expect(json).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('takes POST only: GET is 405 with Allow: POST', async () => {
    const answer = await t.token({ method: 'GET' });
    expect(answer).toMatchObject({ status: 405, body: { error: 'invalid_request' } });
    expect(answer.headers.get('allow')).toBe('POST');
  });
});
