import { EnvSettings } from '../env-settings';

export const PERMISSIONS_PARTS = ['in-process', 'http'] as const;
export type PermissionsPart = (typeof PERMISSIONS_PARTS)[number];

/** How the service is run: the built artifact (as deployed) or from source via SWC. */
export const RUN_MODES = ['dist', 'source'] as const;
export type RunMode = (typeof RUN_MODES)[number];

export interface PermissionsBenchSettings {
  readonly tenants: number;
  /** Folders over all tenants, in trees `fanout` wide (so a few levels deep). */
  readonly folders: number;
  readonly fanout: number;
  readonly customRolesPerTenant: number;
  /** Registered confidential apps the assignments are spread over. */
  readonly apps: number;
  readonly assignments: number;
  /** Distinct check bodies the load cycles through (half aimed at a grant, half at random). */
  readonly queries: number;
  /** Checks in the in-process throughput loop. */
  readonly inProcessChecks: number;
  readonly publishBatch: number;
  /** Requests in flight in the closed-loop comparison, the same for both routes. */
  readonly concurrency: number;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  /** Measured runs per route, alternating between /health/live and /v1/check. */
  readonly rounds: number;
  /** The open-loop part: checks started per second, for `rateSeconds`. */
  readonly rate: number;
  readonly rateSeconds: number;
  readonly settleMs: number;
  readonly run: RunMode;
  /** Extra node arguments for the service process, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  readonly nodeArgs: readonly string[];
  readonly readyTimeoutSeconds: number;
  readonly parts: readonly PermissionsPart[];
  readonly keepDatabase: boolean;
}

/** What `nx run bench:bench-permissions` runs with no settings: the scale. */
export const PERMISSIONS_DEFAULTS: PermissionsBenchSettings = {
  tenants: 10,
  folders: 10_000,
  fanout: 6,
  customRolesPerTenant: 5,
  apps: 10_000,
  assignments: 100_000,
  queries: 10_000,
  inProcessChecks: 2_000_000,
  publishBatch: 500,
  concurrency: 32,
  warmupSeconds: 3,
  durationSeconds: 10,
  rounds: 2,
  rate: 5000,
  rateSeconds: 10,
  settleMs: 3000,
  run: 'dist',
  nodeArgs: [],
  readyTimeoutSeconds: 600,
  parts: PERMISSIONS_PARTS,
  keepDatabase: false,
};

/** Reads BENCH_* settings; names every bad one. */
export function loadPermissionsSettings(env: NodeJS.ProcessEnv): PermissionsBenchSettings {
  const read = new EnvSettings(env);
  const int = read.int.bind(read);
  const d = PERMISSIONS_DEFAULTS;
  const settings: PermissionsBenchSettings = {
    tenants: int('BENCH_TENANTS', d.tenants, 1, 10_000),
    folders: int('BENCH_FOLDERS', d.folders, 1, 1_000_000),
    fanout: int('BENCH_FANOUT', d.fanout, 2, 1000),
    customRolesPerTenant: int('BENCH_ROLES_PER_TENANT', d.customRolesPerTenant, 0, 100),
    apps: int('BENCH_APPS', d.apps, 1, 1_000_000),
    assignments: int('BENCH_ASSIGNMENTS', d.assignments, 1, 10_000_000),
    queries: int('BENCH_QUERIES', d.queries, 1, 1_000_000),
    inProcessChecks: int('BENCH_INPROCESS_CHECKS', d.inProcessChecks, 1000, 1_000_000_000),
    // Larger batches exceed Kafka's default 1 MB record batch.
    publishBatch: int('BENCH_PUBLISH_BATCH', d.publishBatch, 1, 2000),
    concurrency: int('BENCH_CONCURRENCY', d.concurrency, 1, 1000),
    warmupSeconds: int('BENCH_WARMUP_S', d.warmupSeconds, 1, 600),
    durationSeconds: int('BENCH_DURATION_S', d.durationSeconds, 1, 3600),
    rounds: int('BENCH_ROUNDS', d.rounds, 1, 20),
    rate: int('BENCH_RATE', d.rate, 1, 1_000_000),
    rateSeconds: int('BENCH_RATE_S', d.rateSeconds, 1, 3600),
    settleMs: int('BENCH_SETTLE_MS', d.settleMs, 0, 600_000),
    run: read.oneOf('BENCH_PERMISSIONS_RUN', RUN_MODES, d.run),
    nodeArgs: (env['BENCH_PERMISSIONS_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
    readyTimeoutSeconds: int('BENCH_READY_TIMEOUT_S', d.readyTimeoutSeconds, 1, 86_400),
    parts: read.subset('BENCH_PARTS', PERMISSIONS_PARTS),
    keepDatabase: read.flag('BENCH_KEEP_DB'),
  };
  read.require(
    settings.folders >= settings.tenants,
    `BENCH_FOLDERS (${settings.folders}) must be at least BENCH_TENANTS (${settings.tenants})`,
  );
  read.done();
  return settings;
}
