import { EventEnvelope } from '@extapps/contracts';

/** An event as the store holds it: the envelope plus the store's global position. */
export interface StoredEvent<E extends EventEnvelope = EventEnvelope> {
  /**
   * Increases with every append across all streams. Caveat: positions are taken from a counter
   * before the insert and there are no transactions, so a reader may see position n+1 before n
   * becomes visible, and a failed append leaves a gap. Within one stream, positions follow
   * stream versions. Readers that must not miss anything work per stream or through a work queue.
   */
  readonly position: number;
  readonly event: E;
}

/**
 * The append lost a race or the caller's expected version is stale: another writer got there
 * first. `currentVersion` is the stream's version as the store saw it when refusing.
 */
export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `stream ${streamId} is at version ${currentVersion}, the append expected ${expectedVersion}`,
    );
    this.name = 'WrongExpectedVersion';
  }
}

export interface ReadStreamOptions {
  /** First version to return (inclusive); 1 when omitted. */
  readonly fromVersion?: number;
  /** Last version to return (inclusive); the end of the stream when omitted. */
  readonly toVersion?: number;
}

export interface ReadAllOptions {
  /** Returns events with a position strictly greater than this; 0 when omitted. */
  readonly afterPosition?: number;
  readonly limit: number;
}

/**
 * Work every appended event must go through once, e.g. `kafka` (the outbox) or `projections`.
 * Each append enqueues the event on every queue the store was configured with; a worker takes
 * pending events oldest first and acknowledges them once done. A crash between doing and
 * acknowledging repeats the work (at-least-once), so workers are idempotent.
 */
export interface WorkQueue {
  /** Pending events, oldest (lowest position) first. */
  pending(limit: number): Promise<StoredEvent[]>;
  acknowledge(eventIds: readonly string[]): Promise<void>;
}

export interface EventStore {
  /**
   * Appends one event whose `streamVersion` must be `expectedVersion + 1` (0 for a new stream).
   * One event per append keeps every append atomic without multi-document transactions.
   * Rejects with WrongExpectedVersion when the stream is not at `expectedVersion`.
   */
  append(event: EventEnvelope, expectedVersion: number): Promise<StoredEvent>;
  /** The stream's events in version order; empty for an unknown stream. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** The stream's latest version; 0 for an unknown stream. */
  streamVersion(streamId: string): Promise<number>;
  /** Events of every stream in position order (for rebuilds, tools, benchmarks). */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /** The named work queue; throws for a name the store was not configured with. */
  queue(name: string): WorkQueue;
}

/** A stream's state folded up to `version`, so loading a long stream reads only its tail. */
export interface Snapshot<S> {
  readonly streamId: string;
  readonly version: number;
  readonly state: S;
}

export interface SnapshotStore<S> {
  /** The latest snapshot, or null when there is none or it was taken by another schema. */
  load(streamId: string): Promise<Snapshot<S> | null>;
  /** Keeps the snapshot unless a newer one is stored already. */
  save(snapshot: Snapshot<S>): Promise<void>;
}
