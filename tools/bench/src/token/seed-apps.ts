import {
  Actor,
  createEnvelope,
  DEFAULT_RESOURCE_CATALOG,
  EventRegistry,
  ExternalAppRegistered,
  findScope,
  generateClientSecret,
  newEventId,
  RegistrationEvent,
  registrationEvents,
  ScopeGrant,
  ScopeKind,
  SecretRevoked,
  Topics,
} from '@extapps/contracts';
import { EventPublisher, MessageBus } from '@extapps/messaging';

/**
 * The registration topic's partition count. It must match the registration service's (an existing
 * topic is never repartitioned); whoever starts first creates the topic.
 */
export const REGISTRATION_PARTITIONS = 3;

/** The one resource every bench app holds application scopes of: a token has one audience. */
export const LOAD_RESOURCE = 'OrchestratorApi';
export const LOAD_SCOPES = ['OR.Jobs', 'OR.Assets.Read', 'OR.Queues'] as const;

const ADMIN: Actor = { type: 'user', id: 'bench-admin', displayName: 'Bench admin' };

/** An app whose plaintext secret this run knows, to ask for tokens with it (or revoke it). */
export interface KnownApp {
  readonly clientId: string;
  readonly secretId: string;
  /** Only ever sent to the servers under test; never logged or published. */
  readonly secret: string;
}

export interface SeedApps {
  /** One ExternalAppRegistered per app, in order. */
  readonly events: readonly RegistrationEvent[];
  /** The first apps of `events`, with their secrets. */
  readonly known: readonly KnownApp[];
}

function grant(kind: ScopeKind, name: string): ScopeGrant {
  const found = findScope(DEFAULT_RESOURCE_CATALOG, name, kind);
  if (!found) throw new Error(`the default catalog has no ${kind} scope ${name}`);
  return { resource: found.resource.id, scope: found.scope.name };
}

/**
 * `count` confidential apps as the registration service registers them: a UUIDv7 id, a name, a
 * redirect URI, a user scope, three application scopes of one resource and a first secret (its
 * hash only). The first `known` apps' plaintext secrets are kept for the load and revocations.
 */
export function seedApps(count: number, known: number, occurredAt = new Date()): SeedApps {
  const userScopes = [grant('user', 'OR.Jobs.Read')];
  const applicationScopes = LOAD_SCOPES.map((s) => grant('application', s));
  const events: RegistrationEvent[] = [];
  const knownApps: KnownApp[] = [];
  for (let index = 0; index < count; index++) {
    const appId = newEventId();
    const { secret, hash } = generateClientSecret();
    const secretId = newEventId();
    const data = {
      appId,
      name: `Bench app ${index}`,
      type: 'confidential' as const,
      redirectUris: [`https://app-${index}.bench.example/callback`],
      userScopes,
      applicationScopes,
      firstSecret: {
        secretId,
        hash,
        hashAlgorithm: 'sha256' as const,
        description: 'bench secret',
        expiresAt: null,
      },
    };
    events.push(
      envelope(createEnvelope(ExternalAppRegistered, data, context(appId, 1, occurredAt))),
    );
    if (index < known) knownApps.push({ clientId: appId, secretId, secret });
  }
  return { events, known: knownApps };
}

/** What the registration service publishes when an administrator revokes the app's first secret. */
export function secretRevoked(app: KnownApp, occurredAt = new Date()): RegistrationEvent {
  const data = { secretId: app.secretId };
  return envelope(createEnvelope(SecretRevoked, data, context(app.clientId, 2, occurredAt)));
}

/** Publishes registration events as the registration service does: validated, keyed by app id. */
export class RegistrationTopic {
  private readonly publisher: EventPublisher;

  constructor(private readonly bus: MessageBus) {
    this.publisher = new EventPublisher(bus.producer, new EventRegistry([...registrationEvents]));
  }

  async ensure(): Promise<void> {
    await this.bus.ensureTopics([
      { topic: Topics.registrationEvents, partitions: REGISTRATION_PARTITIONS },
    ]);
  }

  /** Resolves once Kafka acknowledged every event, sending `batch` events per request. */
  async publish(events: readonly RegistrationEvent[], batch = events.length): Promise<void> {
    for (let start = 0; start < events.length; start += batch) {
      await this.publisher.publish(Topics.registrationEvents, events.slice(start, start + batch));
    }
  }
}

function context(streamId: string, streamVersion: number, occurredAt: Date) {
  return {
    streamId,
    streamVersion,
    occurredAt,
    actor: ADMIN,
    correlationId: `bench-${streamId}`,
    causationId: null,
  };
}

/** Sound: only registration definitions are passed in, with data typed by them. */
const envelope = (e: unknown): RegistrationEvent => e as RegistrationEvent;
