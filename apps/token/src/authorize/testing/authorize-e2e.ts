import { freePorts } from '@extapps/infra';
import { captureLogs } from '@extapps/platform/testing';
import { eventually, ManualClock, uniqueName } from '@extapps/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppStream, appsRead, assetsRead, jobsRead, newSecret } from '../../testing/app-events';
import { RegistrationEventsPublisher } from '../../testing/token-client';
import { startTokenServiceAt } from '../../testing/token-service';
import { useTokenTopic } from '../../users/testing/token-topic';
import { UserDirectory } from '../../users/user-directory';

export const WEB_REDIRECT = 'https://web.example/callback';
export const DESKTOP_REDIRECT = 'http://127.0.0.1/callback';
export const PASSWORD = 'through-the-looking-glass';

/**
 * The token service listening on a port chosen beforehand, with ISSUER = its own address so a
 * real OAuth client can follow the metadata; the token topic read from the start; one user;
 * apps published before start as registration would: `desktop` (non-confidential,
 * OR.Jobs.Read, DESKTOP_REDIRECT), `web` (confidential, user scopes OR.Jobs.Read and
 * OR.Assets.Read, WEB_REDIRECT), `robot` (confidential, application scopes only) and `off`
 * (disabled). Registers the suite's beforeAll/afterAll.
 */
export function useAuthorizeService() {
  const clock = new ManualClock(new Date());
  const registration = new RegistrationEventsPublisher();
  const topic = useTokenTopic();
  const desktop = new AppStream();
  const web = { app: new AppStream(), secret: newSecret() };
  const robot = { app: new AppStream(), secret: newSecret() };
  const off = new AppStream();
  const username = uniqueName('ada')
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-');
  const logs = captureLogs();
  let app: NestFastifyApplication | undefined;
  let issuer = '';
  let userId = '';

  beforeAll(async () => {
    await registration.open();
    const noUserScopes = { userScopes: [], applicationScopes: [appsRead] };
    await registration.publish(
      desktop.registeredNonConfidential(),
      web.app.registeredConfidential(web.secret, [appsRead]),
      web.app.scopesChanged(noUserScopes, { ...noUserScopes, userScopes: [jobsRead, assetsRead] }),
      web.app.redirectUrisChanged([], [WEB_REDIRECT]),
      robot.app.registeredConfidential(robot.secret, [appsRead]),
      robot.app.redirectUrisChanged([], [WEB_REDIRECT]),
      off.registeredNonConfidential(),
      off.disabled(),
    );
    const [port] = await freePorts(1);
    ({ app, issuer } = await startTokenServiceAt(port, clock, logs));
    await eventually(async () => {
      const response = await fetch(`${issuer}/health/ready`);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    });
    userId = await createUser(app, username);
  });

  afterAll(async () => {
    await app?.close();
    await registration.close();
  });

  return {
    clock,
    desktop,
    web,
    robot,
    off,
    user: () => ({ userId, username, password: PASSWORD }),
    issuer: () => issuer,
    eventsOf: topic.eventsOf,
    logs,
  };
}

/** Through the directory the admin API and CLI use; the e2e of those lives with the users. */
async function createUser(app: NestFastifyApplication, username: string): Promise<string> {
  const created = await app
    .get(UserDirectory)
    .create(
      { username, displayName: 'Ada <Lovelace>', password: PASSWORD },
      { actor: { type: 'system', id: 'authorize-e2e' }, correlationId: 'authorize-e2e' },
    );
  if (!created.ok) throw new Error(`could not create the test user: ${created.error.message}`);
  return created.user.userId;
}
