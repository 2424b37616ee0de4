import {
  Actor,
  createEnvelope,
  DEFAULT_RESOURCE_CATALOG,
  EventDefinition,
  ExternalAppDisabled,
  ExternalAppEnabled,
  ExternalAppRegistered,
  ExternalAppRenamed,
  findScope,
  generateClientSecret,
  newEventId,
  RedirectUrisChanged,
  ScopeGrant,
  ScopeKind,
  ScopesChanged,
  SecretAdded,
  SecretRevoked,
} from '@extapps/contracts';
import type { EventDocument } from '@extapps/event-store';

/** Every app of the seed has (up to) this many events: the history `appHistory` writes. */
export const EVENTS_PER_APP = 10;

const DAY_MS = 86_400_000;
const ADMIN: Actor = { type: 'user', id: 'bench-admin', displayName: 'Bench admin' };

type AnyDefinition = EventDefinition<string, Record<string, unknown>>;
interface Step {
  readonly definition: AnyDefinition;
  readonly data: Record<string, unknown>;
}
const step = <T extends string, D extends Record<string, unknown>>(
  definition: EventDefinition<T, D>,
  data: D,
): Step => ({ definition: definition as unknown as AnyDefinition, data });

/** A scope of the default catalog; throws if the catalog no longer has it. */
function grant(kind: ScopeKind, name: string): ScopeGrant {
  const found = findScope(DEFAULT_RESOURCE_CATALOG, name, kind);
  if (!found) throw new Error(`the default catalog has no ${kind} scope ${name}`);
  return { resource: found.resource.id, scope: found.scope.name };
}

function secret(description: string, expiresAt: Date) {
  return {
    secretId: newEventId(),
    hash: generateClientSecret().hash,
    hashAlgorithm: 'sha256' as const,
    description,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * The life of one confidential app as an administrator would write it, each step valid on the
 * state before it (as the decider would decide it): register, rename, add a loopback redirect
 * URI, widen scopes, rotate the first secret, disable, enable, rename again, add a secret.
 */
export function appHistory(appId: string, index: number, expiresAt: Date): readonly Step[] {
  const name = `Bench app ${index}`;
  const uris = [`https://app-${index}.example.com/callback`];
  const urisAfter = [...uris, 'http://127.0.0.1:8080/callback'];
  const scopes = {
    userScopes: [grant('user', 'OR.Jobs.Read')],
    applicationScopes: [grant('application', 'OR.Jobs')],
  };
  const wider = {
    userScopes: [...scopes.userScopes, grant('user', 'OR.Queues.Read')],
    applicationScopes: [...scopes.applicationScopes, grant('application', 'OR.Assets.Read')],
  };
  const first = secret('first secret', expiresAt);
  return [
    step(ExternalAppRegistered, {
      appId,
      name,
      type: 'confidential' as const,
      redirectUris: uris,
      ...scopes,
      firstSecret: first,
    }),
    step(ExternalAppRenamed, { before: name, after: `${name} (billing)` }),
    step(RedirectUrisChanged, { before: uris, after: urisAfter }),
    step(ScopesChanged, { before: scopes, after: wider }),
    step(SecretAdded, secret('rotation', expiresAt)),
    step(SecretRevoked, { secretId: first.secretId }),
    step(ExternalAppDisabled, {}),
    step(ExternalAppEnabled, {}),
    step(ExternalAppRenamed, { before: `${name} (billing)`, after: `${name} (billing v2)` }),
    step(SecretAdded, secret('CI pipeline', expiresAt)),
  ];
}

export interface SeedPlan {
  readonly events: number;
  /** occurredAt of position 1; each later position is one second later. */
  readonly startAt: Date;
  /**
   * Apps written side by side: version 1 of each, then version 2 of each, ... so that streams
   * are interleaved in the log as they are in a live system, not one app after another.
   */
  readonly window: number;
}

/** The stored documents of the whole seed, a window of apps at a time, positions 1..events. */
export function* seedWindows(plan: SeedPlan): Generator<EventDocument[]> {
  const apps = Math.ceil(plan.events / EVENTS_PER_APP);
  const expiresAt = new Date(plan.startAt.getTime() + 730 * DAY_MS);
  let position = 0;
  for (let first = 0; first < apps; first += plan.window) {
    const streams = [];
    for (let index = first; index < Math.min(apps, first + plan.window); index++) {
      const length = Math.min(EVENTS_PER_APP, plan.events - index * EVENTS_PER_APP);
      const appId = newEventId();
      streams.push({ appId, steps: appHistory(appId, index, expiresAt).slice(0, length) });
    }
    const documents: EventDocument[] = [];
    for (let version = 1; version <= EVENTS_PER_APP; version++) {
      for (const { appId, steps } of streams) {
        const next = steps[version - 1];
        if (!next) continue;
        position++;
        documents.push(toDocument(appId, version, position, next, plan.startAt));
      }
    }
    yield documents;
  }
}

function toDocument(
  appId: string,
  streamVersion: number,
  position: number,
  { definition, data }: Step,
  startAt: Date,
): EventDocument {
  const { eventId, ...envelope } = createEnvelope(definition, data, {
    streamId: appId,
    streamVersion,
    occurredAt: new Date(startAt.getTime() + position * 1000),
    actor: ADMIN,
    correlationId: `bench-${position}`,
    causationId: null,
  });
  // The shape MongoEventStore stores; `pending: {}`: already published and projected.
  return { _id: eventId, ...envelope, position, pending: {} };
}

/** The envelope a stored document holds, as the store reads it back. */
export function envelopeOf({ _id, position: _p, pending: _q, ...envelope }: EventDocument) {
  return { eventId: _id, ...envelope };
}
