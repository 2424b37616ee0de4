import { Topics, TokenEvent } from '@extapps/contracts';
import { kafkaTestOptions, recordTopic, TopicRecorder } from '@extapps/event-store/testing';
import { freePorts } from '@extapps/infra';
import { KafkaBus } from '@extapps/messaging';
import { captureLogs } from '@extapps/platform/testing';
import { eventually, ManualClock } from '@extapps/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AUTHORIZATION_CODE_ISSUER,
  AuthorizationCodeIssuer,
  AuthorizationRequestApproval,
} from '../../../authorize/authorization-codes';
import { AppStream, appsRead, assetsRead, jobsRead, newSecret } from '../../../testing/app-events';
import {
  callTokenEndpoint,
  RegistrationEventsPublisher,
  TokenCall,
} from '../../../testing/token-client';
import { startTokenServiceAt } from '../../../testing/token-service';

export const WEB_REDIRECT = 'https://web.example/callback';
const TOKEN_EVENTS_PARTITIONS = 3;

/**
 * A running token service whose ISSUER is its own listening address, so a real OAuth client
 * (openid-client) can discover it and call what the metadata names. Two apps, published before
 * start as registration would: `desktop` (non-confidential, OR.Jobs.Read, redirect
 * http://127.0.0.1/callback) and `web` (confidential, user scopes OR.Jobs.Read and
 * OR.Assets.Read, redirect WEB_REDIRECT). Codes come from the service's own
 * AuthorizationCodeIssuer, as the authorization endpoint issues them after consent. Token events
 * are read back from extapps.token.events.v1. Registers the suite's beforeAll/afterAll.
 */
export function useUserGrantService() {
  const clock = new ManualClock(new Date());
  const registration = new RegistrationEventsPublisher();
  const desktop = new AppStream();
  const web = { app: new AppStream(), secret: newSecret() };
  const eventsBus = new KafkaBus(kafkaTestOptions('token-events-reader'));
  let app: NestFastifyApplication | undefined;
  let recorder: TopicRecorder | undefined;
  let issuer = '';
  const logs = captureLogs();

  beforeAll(async () => {
    await registration.open();
    const noUserScopes = { userScopes: [], applicationScopes: [appsRead] };
    await registration.publish(
      desktop.registeredNonConfidential(),
      web.app.registeredConfidential(web.secret, [appsRead]),
      web.app.scopesChanged(noUserScopes, { ...noUserScopes, userScopes: [jobsRead, assetsRead] }),
      web.app.redirectUrisChanged([], [WEB_REDIRECT]),
    );
    await eventsBus.ensureTopics([
      { topic: Topics.tokenEvents, partitions: TOKEN_EVENTS_PARTITIONS },
    ]);
    recorder = await recordTopic(eventsBus, Topics.tokenEvents);
    const [port] = await freePorts(1);
    ({ app, issuer } = await startTokenServiceAt(port, clock, logs, {
      ACCESS_TOKEN_TTL_SECONDS: '600',
    }));
    await eventually(async () => {
      const response = await fetch(`${issuer}/health/ready`);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    });
  });

  afterAll(async () => {
    await app?.close();
    await recorder?.stop();
    await eventsBus.close();
    await registration.close();
  });

  const running = () => {
    if (!app) throw new Error('the token service is not running');
    return app;
  };

  const eventsOf = (clientId: string): TokenEvent[] => {
    const events = (recorder?.messages ?? [])
      .filter((m) => m.key === clientId)
      .map((m) => JSON.parse(m.value.toString('utf8')) as TokenEvent);
    return [...new Map(events.map((e) => [e.eventId, e])).values()];
  };

  return {
    clock,
    desktop,
    web,
    issuer: () => issuer,
    logs,
    /** A code from the service's own issuer, as after sign-in and consent. */
    approve: (approval: AuthorizationRequestApproval): Promise<string> =>
      running()
        .get<AuthorizationCodeIssuer>(AUTHORIZATION_CODE_ISSUER)
        .issue(approval, clock.now()),
    token: (call: TokenCall) => callTokenEndpoint(issuer, call),
    /** The token events of one app read back from Kafka, each once (by eventId). */
    eventsOf,
    /** Those of one grant. */
    eventsOfGrant: (clientId: string, grantId: unknown): TokenEvent[] =>
      eventsOf(clientId).filter((e) => 'grantId' in e.data && e.data.grantId === grantId),
  };
}
