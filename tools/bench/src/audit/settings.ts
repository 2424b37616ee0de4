import { EnvSettings } from '../env-settings';

export const AUDIT_PARTS = ['ingestion', 'query'] as const;
export type AuditPart = (typeof AUDIT_PARTS)[number];

/** How the service is run: the built artifact (as deployed) or from source via SWC. */
export const RUN_MODES = ['dist', 'source'] as const;
export type RunMode = (typeof RUN_MODES)[number];

export interface AuditBenchSettings {
  /** Events published for the ingestion part, mixed over the three audited topics. */
  readonly events: number;
  /** Chained records seeded straight into audit_records for the query part. */
  readonly records: number;
  /** Apps the events and records are about (targets, actors, filters). */
  readonly apps: number;
  readonly publishBatch: number;
  /** Records per insertMany while seeding. */
  readonly seedBatch: number;
  /** The service's INGESTION_BATCH_SIZE; 0 keeps the service default. */
  readonly ingestBatch: number;
  /** Measured searches per kind at most (one at a time: latency alone). */
  readonly queriesPerKind: number;
  /** Seconds a kind may take: it stops there after at least one search. */
  readonly kindBudgetSeconds: number;
  /** Unmeasured searches before the first kind. */
  readonly warmupQueries: number;
  /** After seeding, GET /v1/audit/verify once: proves the seed is a valid chain (and times it). */
  readonly verify: boolean;
  readonly run: RunMode;
  readonly nodeArgs: readonly string[];
  readonly readyTimeoutSeconds: number;
  /** Longest the ingestion part may take to chain every event. */
  readonly ingestTimeoutSeconds: number;
  readonly parts: readonly AuditPart[];
  readonly keepDatabase: boolean;
}

/** What `nx run bench:bench-audit` runs with no settings: the scale. */
export const AUDIT_DEFAULTS: AuditBenchSettings = {
  events: 100_000,
  records: 1_000_000,
  apps: 1_000,
  publishBatch: 500,
  seedBatch: 5_000,
  ingestBatch: 0,
  queriesPerKind: 100,
  kindBudgetSeconds: 300,
  warmupQueries: 1,
  verify: false,
  run: 'dist',
  nodeArgs: [],
  readyTimeoutSeconds: 600,
  ingestTimeoutSeconds: 3_600,
  parts: AUDIT_PARTS,
  keepDatabase: false,
};

/** Reads BENCH_* settings; names every bad one. */
export function loadAuditSettings(env: NodeJS.ProcessEnv): AuditBenchSettings {
  const read = new EnvSettings(env);
  const int = read.int.bind(read);
  const d = AUDIT_DEFAULTS;
  const settings: AuditBenchSettings = {
    events: int('BENCH_EVENTS', d.events, 1, 10_000_000),
    records: int('BENCH_RECORDS', d.records, 1, 100_000_000),
    apps: int('BENCH_APPS', d.apps, 1, 1_000_000),
    // Larger batches exceed Kafka's default 1 MB record batch.
    publishBatch: int('BENCH_PUBLISH_BATCH', d.publishBatch, 1, 2000),
    seedBatch: int('BENCH_SEED_BATCH', d.seedBatch, 1, 100_000),
    ingestBatch: int('BENCH_INGEST_BATCH', d.ingestBatch, 0, 10_000),
    queriesPerKind: int('BENCH_QUERIES', d.queriesPerKind, 1, 100_000),
    kindBudgetSeconds: int('BENCH_KIND_BUDGET_S', d.kindBudgetSeconds, 1, 86_400),
    warmupQueries: int('BENCH_WARMUP_QUERIES', d.warmupQueries, 0, 1000),
    verify: read.flag('BENCH_VERIFY'),
    run: read.oneOf('BENCH_AUDIT_RUN', RUN_MODES, d.run),
    nodeArgs: (env['BENCH_AUDIT_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
    readyTimeoutSeconds: int('BENCH_READY_TIMEOUT_S', d.readyTimeoutSeconds, 1, 86_400),
    ingestTimeoutSeconds: int('BENCH_INGEST_TIMEOUT_S', d.ingestTimeoutSeconds, 1, 86_400),
    parts: read.subset('BENCH_PARTS', AUDIT_PARTS),
    keepDatabase: read.flag('BENCH_KEEP_DB'),
  };
  read.done();
  return settings;
}
