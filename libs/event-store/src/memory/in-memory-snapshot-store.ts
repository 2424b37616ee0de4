import { cloneData } from '../clone';
import { Snapshot, SnapshotStore } from '../ports';

/** What several in-memory snapshot stores share to behave like one collection. */
export type InMemorySnapshotTable = Map<
  string,
  { readonly snapshot: Snapshot<unknown>; readonly schemaVersion: number }
>;

/**
 * The snapshot port without a database, for unit tests. Snapshots are cloned in and out.
 * Create one per schema version on a shared `Map` to model a state shape change.
 */
export class InMemorySnapshotStore<S> implements SnapshotStore<S> {
  constructor(
    private readonly options: { readonly schemaVersion: number },
    private readonly byStream: InMemorySnapshotTable = new Map(),
  ) {}

  async load(streamId: string): Promise<Snapshot<S> | null> {
    const stored = this.byStream.get(streamId);
    if (!stored || stored.schemaVersion !== this.options.schemaVersion) return null;
    return cloneData(stored.snapshot) as Snapshot<S>;
  }

  async save(snapshot: Snapshot<S>): Promise<void> {
    const stored = this.byStream.get(snapshot.streamId);
    const sameSchema = stored?.schemaVersion === this.options.schemaVersion;
    if (stored && sameSchema && stored.snapshot.version >= snapshot.version) return;
    this.byStream.set(snapshot.streamId, {
      snapshot: cloneData(snapshot),
      schemaVersion: this.options.schemaVersion,
    });
  }
}
