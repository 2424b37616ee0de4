import { eventually } from '@extapps/testing';
import { decodeJwt } from 'jose';
import { AppStream, jobs, newSecret } from '../testing/app-events';
import { RegistrationEventsPublisher } from '../testing/token-client';
import { clientCredentials, E2E_TTL_SECONDS, useTokenService } from '../testing/token-e2e';

describe('per-app access token lifetime through HTTP (real Kafka and MongoDB)', () => {
  const app = new AppStream();
  const secret = newSecret();

  // Declared before useTokenService, so it runs before the service starts: once the service is
  // ready, its client table holds this app, and no token call has to wait for it (and fail).
  beforeAll(async () => {
    const publisher = new RegistrationEventsPublisher();
    await publisher.open();
    try {
      const registered = app.registeredConfidential(secret, [jobs], {
        accessTokenLifetimeSeconds: 900,
      });
      await publisher.publish(registered);
    } finally {
      await publisher.close();
    }
  });
  const t = useTokenService();

  /** A client credentials token for the app: `expires_in` and the lifetime its claims state. */
  const issue = async () => {
    const answer = await t.token({ form: clientCredentials, basic: [app.appId, secret.plaintext] });
    expect(answer.status).toBe(200);
    const { exp, iat } = decodeJwt(String(answer.body['access_token']));
    return { expiresIn: answer.body['expires_in'], lifetime: Number(exp) - Number(iat) };
  };
  const lifetime = (seconds: number) => ({ expiresIn: seconds, lifetime: seconds });

  it('issues tokens for the lifetime the app registered; other apps keep the default', async () => {
    const robot = await t.token({
      form: { ...clientCredentials, scope: 'OR.Jobs' },
      basic: [t.robot.app.appId, t.robot.secret.plaintext],
    });

    expect(await issue()).toEqual(lifetime(900));
    expect(robot.body['expires_in']).toBe(E2E_TTL_SECONDS);
  });

  it('applies a changed lifetime to the next token, and the default once reset', async () => {
    await t.events.publish(app.accessTokenLifetimeChanged(900, 1800));
    await eventually(async () => expect(await issue()).toEqual(lifetime(1800)), {
      intervalMs: 100,
    });

    await t.events.publish(app.accessTokenLifetimeChanged(1800, null));
    await eventually(async () => expect(await issue()).toEqual(lifetime(E2E_TTL_SECONDS)), {
      intervalMs: 100,
    });
  });
});
