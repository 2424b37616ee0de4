import { eventually } from '@extapps/testing';
import { AppStream, jobs, newSecret } from '../testing/app-events';
import { clientCredentials as grant, useTokenService } from '../testing/token-e2e';
import { useTokenTopic } from '../users/testing/token-topic';
import { DEFAULT_CLIENT_AUTH_THROTTLE } from './client-auth-throttle';

describe('client authentication throttle through HTTP (real Kafka and MongoDB)', () => {
  const t = useTokenService();
  const topic = useTokenTopic();

  it('refuses a client over its failure limit as invalid_client without checking the secret, until the window passes', async () => {
    const app = new AppStream();
    const secret = newSecret();
    await t.events.publish(app.registeredConfidential(secret, [jobs]));
    const right = [app.appId, secret.plaintext] as const;
    await eventually(async () =>
      expect((await t.token({ form: grant, basic: right })).status).toBe(200),
    );

    const { perSourceLimit, windowMs } = DEFAULT_CLIENT_AUTH_THROTTLE;
    for (let i = 0; i < perSourceLimit; i++) {
      const wrong = await t.token({ form: grant, basic: [app.appId, newSecret().plaintext] });
      expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    }
    const throttled = await t.token({ form: grant, basic: right });
    expect(throttled).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(throttled.headers.get('www-authenticate')).toBe('Basic realm="extapps"');
    expect(throttled.headers.get('cache-control')).toBe('no-store');

    const failures = await eventually(() => {
      const events = topic
        .eventsOf(app.appId)
        .filter((e) => e.type === 'ClientAuthenticationFailed');
      expect(events).toHaveLength(perSourceLimit + 1);
      return events;
    });
    expect(failures.map((e) => e.data)).toEqual([
      ...Array.from({ length: perSourceLimit }, () =>
        expect.objectContaining({ reason: 'wrong-secret' }),
      ),
      {
        clientId: app.appId,
        method: 'client_secret_basic',
        reason: 'throttled',
        endpoint: 'token',
      },
    ]);

    t.clock.advance(windowMs);
    expect((await t.token({ form: grant, basic: right })).status).toBe(200);
  });
});
