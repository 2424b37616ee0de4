import { RunningService, startService, testEnv } from '@extapps/platform/testing';
import { eventually, ManualClock } from '@extapps/testing';
import { signingKeyTestEnv } from '../keys/testing/signing-key-env';
import { AppStream, appsRead, assetsRead, jobs, newSecret } from './app-events';
import {
  callTokenEndpoint,
  RegistrationEventsPublisher,
  TokenAnswer,
  TokenCall,
} from './token-client';
import { tokenServiceWith } from './token-service';

export const E2E_ISSUER = 'https://id.extapps.test';
export const E2E_TTL_SECONDS = 600;
const DAY_MS = 86_400_000;

export const clientCredentials = { grant_type: 'client_credentials' };

/**
 * A running token service on the real servers, with apps published (as the registration service
 * would) before it started: `robot` (confidential; scopes of two resources; secret expiring in 30
 * days of the service clock), `admin` (confidential, extapps.apps.read) and `desktop`
 * (non-confidential). Registers the suite's beforeAll/afterAll.
 */
export function useTokenService() {
  const clock = new ManualClock(new Date());
  const events = new RegistrationEventsPublisher();
  const robot = {
    app: new AppStream(),
    secret: newSecret(new Date(clock.now().getTime() + 30 * DAY_MS)),
  };
  const admin = { app: new AppStream(), secret: newSecret() };
  const desktop = { app: new AppStream() };
  let service: RunningService | undefined;
  const running = () => {
    if (!service) throw new Error('the token service is not running');
    return service;
  };

  beforeAll(async () => {
    await events.open();
    await events.publish(
      robot.app.registeredConfidential(robot.secret, [jobs, assetsRead, appsRead]),
      admin.app.registeredConfidential(admin.secret, [appsRead]),
      desktop.app.registeredNonConfidential(),
    );
    const env = testEnv('token', {
      ISSUER: E2E_ISSUER,
      ACCESS_TOKEN_TTL_SECONDS: String(E2E_TTL_SECONDS),
      ...signingKeyTestEnv(),
    });
    service = await startService(tokenServiceWith({ clock }), env);
    await eventually(async () => {
      const response = await fetch(`${running().baseUrl}/health/ready`);
      expect(await response.json()).toEqual({
        status: 'ok',
        checks: { mongo: 'up', kafka: 'up', clients: 'up' },
      });
    });
  });

  afterAll(async () => {
    await service?.close();
    await events.close();
  });

  return {
    clock,
    events,
    robot,
    admin,
    desktop,
    service: running,
    token: (call: TokenCall): Promise<TokenAnswer> => callTokenEndpoint(running().baseUrl, call),
    getJson: async (path: string): Promise<unknown> =>
      (await fetch(`${running().baseUrl}${path}`)).json(),
  };
}
