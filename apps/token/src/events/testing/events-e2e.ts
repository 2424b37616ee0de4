import { randomBytes } from 'node:crypto';
import {
  EventRegistry,
  registrationEvents,
  RegistrationEvent,
  TokenEvent,
  tokenEvents,
  Topics,
} from '@extapps/contracts';
import { recordTopic, TopicRecorder } from '@extapps/event-store/testing';
import { EventPublisher, KafkaBus } from '@extapps/messaging';
import { RunningService, startService, testEnv } from '@extapps/platform/testing';
import { eventually, ManualClock, uniqueName } from '@extapps/testing';
import { REGISTRATION_TOPIC_PARTITIONS } from '../../clients/client-catalog';
import { AppStream, jobs, newSecret, TestSecret } from '../../testing/app-events';
import { callTokenEndpoint, TokenAnswer } from '../../testing/token-client';
import { tokenServiceWith } from '../../testing/token-service';
import { TOKEN_EVENTS_PARTITIONS } from '../token-events-relay';

const busOn = (brokers: readonly string[], prefix: string) =>
  new KafkaBus({
    brokers,
    clientId: uniqueName(prefix),
    consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 },
  });

/** Publishes registration events on `brokers`, as the registration service would. */
async function publishApps(brokers: readonly string[], events: RegistrationEvent[]) {
  const bus = busOn(brokers, 'registration-sim');
  try {
    await bus.ensureTopics([
      { topic: Topics.registrationEvents, partitions: REGISTRATION_TOPIC_PARTITIONS },
    ]);
    const registry = new EventRegistry([...registrationEvents]);
    await new EventPublisher(bus.producer, registry).publish(Topics.registrationEvents, events);
  } finally {
    await bus.close();
  }
}

export interface EventsStack {
  readonly service: RunningService;
  /** The MongoDB database the service uses. */
  readonly dbName: string;
  readonly robot: { readonly appId: string; readonly secret: TestSecret };
  /** A client credentials request of `robot` over Basic. */
  grant(): Promise<TokenAnswer>;
  close(): Promise<void>;
}

/**
 * The token service with one confidential app (`robot`, scope OR.Jobs) registered on the given
 * servers (env overrides, e.g. a restartable Kafka or a MongoDB behind a proxy), ready to serve.
 */
export async function startEventsStack(overrides: Record<string, string>): Promise<EventsStack> {
  const env = testEnv('token_events', {
    SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...overrides,
  });
  const app = new AppStream();
  const robot = { appId: app.appId, secret: newSecret() };
  await publishApps(String(env['KAFKA_BROKERS']).split(','), [
    app.registeredConfidential(robot.secret, [jobs]),
  ]);
  const service = await startService(tokenServiceWith({ clock: new ManualClock(new Date()) }), env);
  const grant = () =>
    callTokenEndpoint(service.baseUrl, {
      form: { grant_type: 'client_credentials' },
      basic: [robot.appId, robot.secret.plaintext],
    });
  await eventually(async () => expect((await grant()).status).toBe(200), { timeoutMs: 30_000 });
  return { service, dbName: String(env['MONGO_DB']), robot, grant, close: () => service.close() };
}

/** `extapps.token.events.v1` read from the beginning on `brokers`, parsed and key-checked. */
export interface TokenTopic {
  events(): TokenEvent[];
  stop(): Promise<void>;
}

export async function readTokenTopic(brokers: readonly string[]): Promise<TokenTopic> {
  const bus = busOn(brokers, 'token-topic-reader');
  await bus.ensureTopics([{ topic: Topics.tokenEvents, partitions: TOKEN_EVENTS_PARTITIONS }]);
  const recorder: TopicRecorder = await recordTopic(bus, Topics.tokenEvents);
  const registry = new EventRegistry(tokenEvents);
  return {
    events: () =>
      recorder.messages.map((message) => {
        const event = registry.parse(JSON.parse(message.value.toString('utf8'))) as TokenEvent;
        if (message.key !== event.streamId)
          throw new Error(`${event.eventId} keyed ${String(message.key)}, not ${event.streamId}`);
        return event;
      }),
    stop: async () => {
      await recorder.stop();
      await bus.close();
    },
  };
}

/** The `jti` claim of a JWT access token (read, not verified: the e2e tests verify elsewhere). */
export function jtiOf(accessToken: unknown): string {
  const payload = String(accessToken).split('.')[1] ?? '';
  return String(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).jti);
}

/** The TokenIssued events of `clientId` on the topic, by jti. */
export function issuedByJti(topic: TokenTopic, clientId: string): Map<string, TokenEvent> {
  const issued = topic
    .events()
    .filter((e) => e.type === 'TokenIssued' && e.data.clientId === clientId);
  return new Map(issued.map((e) => [e.type === 'TokenIssued' ? e.data.jti : '', e]));
}
