import { Actor, PayloadOf, permissionsEvents } from '@extapps/contracts';

/* What an aggregate kind gives the shared repository (see aggregate-repository.ts). */

/** Type and data of one permissions event: what a decider produces. */
export type PermissionsEventPayload = PayloadOf<(typeof permissionsEvents)[number]>;

/**
 * How the state is kept in a snapshot: plain BSON data that FerretDB accepts. No Map or class
 * instances, no ids as object keys (they may contain dots), no arrays nested in arrays (FerretDB
 * 1.x refuses them). See tenants/tenant.state.ts for a map kept as parallel arrays.
 */
export interface SnapshotCodec<S> {
  /** Bump whenever the stored form changes: snapshots of another version are ignored. */
  readonly schemaVersion: number;
  /** Identity when omitted. */
  readonly encode?: (state: S) => unknown;
  readonly decode?: (stored: unknown) => S;
}

/** An aggregate kind, from its pure decider: what the repository needs to fold its streams. */
export interface Aggregate<S> {
  /** Names the snapshot collection (`<name>_snapshots`) and log lines, e.g. `tenant`. */
  readonly name: string;
  readonly initialState: S;
  /** Must ignore events of other aggregates' kinds (it never sees them in its own stream). */
  readonly evolve: (state: S, event: PermissionsEventPayload) => S;
  /**
   * Optional faster fold of many events (e.g. copying a large state once, not per event); must
   * equal `events.reduce(evolve, state)` and leave `state` untouched.
   */
  readonly fold?: (state: S, events: readonly PermissionsEventPayload[]) => S;
  readonly snapshot: SnapshotCodec<S>;
}

export interface Loaded<S> {
  readonly state: S;
  /** The stream version the state reflects; 0 for a stream with no events. */
  readonly version: number;
}

/** Who caused the events and in which request; copied into every envelope. */
export interface AppendMeta {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
}
