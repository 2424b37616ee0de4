import { EnvSettings } from '../env-settings';

export const PARTS = ['rebuild', 'commands', 'history'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchSettings {
  /** Events seeded and rebuilt. */
  readonly events: number;
  /** Documents per cursor batch, for the raw read and the rebuild alike. */
  readonly readBatch: number;
  readonly insertBatch: number;
  /** Requests in flight for the command throughput runs. */
  readonly concurrency: number;
  readonly apps: number;
  readonly renames: number;
  /** Events of the long-lived app. */
  readonly history: number;
  /** Requests per latency measurement of the long-history part. */
  readonly samples: number;
  readonly snapshotEvery: number;
  readonly parts: readonly Part[];
  /** Leave the benchmark's databases in place (to inspect them) instead of dropping them. */
  readonly keepDatabases: boolean;
}

/**
 * What `nx run bench:bench-registration` runs with no settings: the 1,000,000 events.
 * The command counts are sized for FerretDB on SQLite, where every event-store query scans the
 * whole collection, so a command costs time in proportion to the events already stored; on
 * MongoDB they can be raised tenfold.
 */
export const DEFAULTS: BenchSettings = {
  events: 1_000_000,
  readBatch: 1000,
  insertBatch: 10_000,
  concurrency: 16,
  apps: 300,
  renames: 600,
  history: 500,
  samples: 100,
  snapshotEvery: 50,
  parts: PARTS,
  keepDatabases: false,
};

/** Reads BENCH_* (and SNAPSHOT_EVERY, passed on to the service); names every bad setting. */
export function loadSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const read = new EnvSettings(env);
  const int = (name: string, fallback: number, min: number, max = 100_000_000) =>
    read.int(name, fallback, min, max);
  const settings: BenchSettings = {
    events: int('BENCH_EVENTS', DEFAULTS.events, 1),
    readBatch: int('BENCH_READ_BATCH', DEFAULTS.readBatch, 1, 100_000),
    insertBatch: int('BENCH_INSERT_BATCH', DEFAULTS.insertBatch, 1, 100_000),
    concurrency: int('BENCH_CONCURRENCY', DEFAULTS.concurrency, 1, 1000),
    apps: int('BENCH_APPS', DEFAULTS.apps, 1),
    renames: int('BENCH_RENAMES', DEFAULTS.renames, 1),
    history: int('BENCH_HISTORY', DEFAULTS.history, 2),
    samples: int('BENCH_SAMPLES', DEFAULTS.samples, 1, 100_000),
    snapshotEvery: int('SNAPSHOT_EVERY', DEFAULTS.snapshotEvery, 1, 10_000),
    parts: read.subset('BENCH_PARTS', PARTS),
    keepDatabases: read.flag('BENCH_KEEP_DB'),
  };
  // Two renames of one app in flight would race for its next version and one would get 409.
  read.require(
    settings.apps >= settings.concurrency,
    `BENCH_APPS (${settings.apps}) must be at least BENCH_CONCURRENCY (${settings.concurrency})`,
  );
  read.done();
  return settings;
}
