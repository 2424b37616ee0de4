/** The permissions service's own collections; tools and benchmarks use the same names. */
export const EVENTS_COLLECTION = 'events';
/** One snapshot collection per aggregate kind: `<aggregate>_snapshots`, e.g. `tenant_snapshots`. */
export const snapshotsCollection = (aggregate: string) => `${aggregate}_snapshots`;
