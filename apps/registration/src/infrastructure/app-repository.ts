import {
  Clock,
  createEnvelope,
  EventDefinition,
  EventRegistry,
  RegistrationEvent,
  RegistrationEventPayload,
  registrationEvents,
} from '@extapps/contracts';
import { EventStore, SnapshotStore, StoredEvent } from '@extapps/event-store';
import { CommandMeta } from '../external-app/commands/command-meta';
import { evolve, ExternalAppState, initialState } from '../external-app';

/**
 * Bump when ExternalAppState changes shape: older snapshots are then ignored and refolded.
 * 2: `jwks` and `accessTokenLifetimeSeconds`.
 */
export const APP_STATE_SCHEMA_VERSION = 2;

export interface LoadedApp {
  readonly state: ExternalAppState;
  /** The stream's version the state reflects; 0 for an app that was never registered. */
  readonly version: number;
}

export interface AppRepositoryOptions {
  readonly store: EventStore;
  readonly snapshots: SnapshotStore<ExternalAppState>;
  readonly clock: Clock;
  /** A snapshot is saved whenever a command's events cross a multiple of this version. */
  readonly snapshotEvery: number;
  /** Awaited before every append: the store's unique index must exist (see StoreIndexes). */
  readonly beforeAppend?: () => Promise<void>;
}

type AnyDefinition = EventDefinition<string, Record<string, unknown>>;
const definitions = new Map<string, AnyDefinition>(
  registrationEvents.map((d) => [d.type, d as AnyDefinition]),
);
const registry = new EventRegistry([...definitions.values()]);

/** Loads and stores external apps as event streams (stream id = app id). */
export class AppRepository {
  constructor(private readonly options: AppRepositoryOptions) {}

  /** The latest snapshot plus the events after it, folded with the decider's `evolve`. */
  async load(appId: string): Promise<LoadedApp> {
    const snapshot = await this.options.snapshots.load(appId);
    const tail = await this.options.store.readStream(appId, {
      fromVersion: (snapshot?.version ?? 0) + 1,
    });
    const state = tail.reduce(
      (s, stored) => evolve(s, stored.event as RegistrationEvent),
      snapshot?.state ?? initialState,
    );
    return { state, version: tail.at(-1)?.event.streamVersion ?? snapshot?.version ?? 0 };
  }

  /**
   * Appends one command's events after `expectedVersion`; every envelope is validated before the
   * first append, so an invalid event stores nothing.
   *
   * Caveat: the store appends one event per call, and there are no multi-document transactions,
   * so a command with several events (a PATCH changing name and scopes) is not atomic. A crash,
   * or another writer appending between two of our appends (it then expects the version our
   * first event created), leaves the first events stored and refuses the rest with
   * WrongExpectedVersion. Each stored event is valid on its own, decided on the state before it.
   * This is the one place to switch to a batch append once the store offers one.
   */
  async appendEvents(
    appId: string,
    events: readonly RegistrationEventPayload[],
    expectedVersion: number,
    meta: CommandMeta,
  ): Promise<StoredEvent<RegistrationEvent>[]> {
    const occurredAt = this.options.clock.now();
    const envelopes = events.map((event, i) =>
      registry.parse(
        createEnvelope(definitionOf(event.type), event.data, {
          streamId: appId,
          streamVersion: expectedVersion + i + 1,
          occurredAt,
          actor: meta.actor,
          correlationId: meta.correlationId,
          causationId: meta.causationId ?? null,
        }),
      ),
    );
    await this.options.beforeAppend?.();
    const stored: StoredEvent<RegistrationEvent>[] = [];
    for (const [i, envelope] of envelopes.entries()) {
      const appended = await this.options.store.append(envelope, expectedVersion + i);
      stored.push(appended as StoredEvent<RegistrationEvent>);
    }
    return stored;
  }

  /**
   * Saves the state when the versions from..to cross a multiple of `snapshotEvery`. Callers treat
   * it as best effort: a missing snapshot only makes later loads fold a longer tail.
   */
  async snapshotIfDue(appId: string, state: ExternalAppState, from: number, to: number) {
    const every = this.options.snapshotEvery;
    if (Math.floor(to / every) === Math.floor(from / every)) return;
    await this.options.snapshots.save({ streamId: appId, version: to, state });
  }
}

function definitionOf(type: string): AnyDefinition {
  const definition = definitions.get(type);
  if (!definition) throw new Error(`no event definition for ${type}`);
  return definition;
}
