/** The registration service's own collections; the rebuild CLI and the benchmark use the same names. */
export const EVENTS_COLLECTION = 'events';
export const SNAPSHOTS_COLLECTION = 'app_snapshots';
