/*
 * Loading and storing the service's event-sourced aggregates (tenants, roles, assignments): one
 * stream per aggregate in the shared event store, stream id = the aggregate's id.
 *
 * How a slice uses it (see tenants/ for a complete one):
 *   1. Describe the aggregate with its pure decider's pieces:
 *        export const roleAggregate: Aggregate<RoleState> = {
 *          name: 'role', initialState, evolve, snapshot: { schemaVersion: 1 },
 *        };
 *   2. Get its repository from the global InfrastructureModule:
 *        { provide: ROLE_REPOSITORY, inject: [AggregateRepositories],
 *          useFactory: (r: AggregateRepositories) => r.create(roleAggregate) }
 *   3. Run commands through CommandRunner (command-runner.ts): it loads, checks If-Match, calls
 *      your decide, appends with the request's actor and correlation id, applies every stored
 *      event to the AccessProjection, wakes the outbox relay and snapshots when due. Or call
 *      `load` / `append` here directly (e.g. a process reacting to another stream's event).
 */
import {
  Clock,
  createEnvelope,
  EventDefinition,
  EventRegistry,
  PermissionsEvent,
  permissionsEvents,
} from '@extapps/contracts';
import { EventStore, SnapshotStore, StoredEvent } from '@extapps/event-store';
import { Aggregate, AppendMeta, Loaded, PermissionsEventPayload } from './aggregate';

export type {
  Aggregate,
  AppendMeta,
  Loaded,
  PermissionsEventPayload,
  SnapshotCodec,
} from './aggregate';

export interface RepositoryOptions {
  readonly store: EventStore;
  readonly snapshots: SnapshotStore<unknown>;
  readonly clock: Clock;
  /** A snapshot is saved whenever a command's events cross a multiple of this version. */
  readonly snapshotEvery: number;
  /** Awaited before every append: the store's unique index must exist (see StoreIndexes). */
  readonly beforeAppend?: () => Promise<void>;
}

type AnyDefinition = EventDefinition<string, Record<string, unknown>>;
const definitions = new Map<string, AnyDefinition>(
  permissionsEvents.map((d) => [d.type, d as AnyDefinition]),
);
const registry = new EventRegistry([...definitions.values()]);

export class AggregateRepository<S> {
  constructor(
    readonly aggregate: Aggregate<S>,
    private readonly options: RepositoryOptions,
  ) {}

  /** The latest snapshot plus the events after it, folded with the aggregate's evolve. */
  async load(streamId: string): Promise<Loaded<S>> {
    const snapshot = await this.options.snapshots.load(streamId);
    const from = snapshot?.version ?? 0;
    const tail = await this.options.store.readStream(streamId, { fromVersion: from + 1 });
    const start = snapshot ? this.decode(snapshot.state) : this.aggregate.initialState;
    const events = tail.map((stored) => stored.event as PermissionsEvent);
    return { state: this.fold(start, events), version: tail.at(-1)?.event.streamVersion ?? from };
  }

  /** `events.reduce(evolve, state)`, through the aggregate's own fold when it has one. */
  fold(state: S, events: readonly PermissionsEventPayload[]): S {
    const { fold, evolve } = this.aggregate;
    return fold ? fold(state, events) : events.reduce(evolve, state);
  }

  /**
   * Appends one command's events after `expectedVersion`, as validated envelopes; returns them
   * as stored. Every envelope is validated before the first append, so an invalid event stores
   * nothing. Rejects with WrongExpectedVersion when another writer got there first.
   *
   * Caveat: the store appends one event per call without transactions, so a command of several
   * events is not atomic: a crash or a racing writer between two appends leaves the first ones
   * stored (each valid on its own). Deciders of this service emit one event per command.
   */
  async append(
    streamId: string,
    events: readonly PermissionsEventPayload[],
    expectedVersion: number,
    meta: AppendMeta,
  ): Promise<StoredEvent<PermissionsEvent>[]> {
    const occurredAt = this.options.clock.now();
    const envelopes = events.map((event, i) =>
      registry.parse(
        createEnvelope(definitionOf(event.type), event.data, {
          streamId,
          streamVersion: expectedVersion + i + 1,
          occurredAt,
          actor: meta.actor,
          correlationId: meta.correlationId,
          causationId: meta.causationId ?? null,
        }),
      ),
    );
    await this.options.beforeAppend?.();
    const stored: StoredEvent<PermissionsEvent>[] = [];
    for (const [i, envelope] of envelopes.entries()) {
      const appended = await this.options.store.append(envelope, expectedVersion + i);
      stored.push(appended as StoredEvent<PermissionsEvent>);
    }
    return stored;
  }

  /**
   * Saves the state when the versions from..to cross a multiple of `snapshotEvery`. Best effort
   * for callers: a missing snapshot only makes later loads fold a longer tail.
   */
  async snapshotIfDue(streamId: string, state: S, from: number, to: number): Promise<void> {
    const every = this.options.snapshotEvery;
    if (Math.floor(to / every) === Math.floor(from / every)) return;
    const encode = this.aggregate.snapshot.encode;
    await this.options.snapshots.save({
      streamId,
      version: to,
      state: encode ? encode(state) : state,
    });
  }

  private decode(stored: unknown): S {
    const decode = this.aggregate.snapshot.decode;
    return decode ? decode(stored) : (stored as S);
  }
}

function definitionOf(type: string): AnyDefinition {
  const definition = definitions.get(type);
  if (!definition) throw new Error(`no event definition for ${type}`);
  return definition;
}
