import { EnvSettings } from '../env-settings';

export const TOKEN_PARTS = ['throughput', 'revocation'] as const;
export type TokenPart = (typeof TOKEN_PARTS)[number];

/** How the token service is run: the built artifact (as deployed) or from source via SWC. */
export const TOKEN_RUN_MODES = ['dist', 'source'] as const;
export type TokenRunMode = (typeof TOKEN_RUN_MODES)[number];

/**
 * Where the propagation part's revocations come from: the registration service's admin API (the
 * whole path, outbox included), or SecretRevoked events published straight to the topic.
 */
export const REVOKE_VIA = ['registration', 'event'] as const;
export type RevokeVia = (typeof REVOKE_VIA)[number];

export interface TokenBenchSettings {
  /** Registered apps in the client table (the memory figure is for this many). */
  readonly apps: number;
  /** Registration events per Kafka send while seeding. */
  readonly publishBatch: number;
  /** Requests in flight, the same for both servers. */
  readonly concurrency: number;
  /** Apps (and peer clients) the load is spread over, round-robin. */
  readonly loadClients: number;
  readonly warmupSeconds: number;
  /** Target length of each measured run; its request count is sized from the warm-up's rate. */
  readonly durationSeconds: number;
  /** Measured runs per server, alternating between the two servers. */
  readonly rounds: number;
  /** Idle time before memory is read, so start-up garbage is not all that is measured. */
  readonly settleMs: number;
  /** Secrets revoked one after the other in the propagation part. */
  readonly revocations: number;
  readonly revokeVia: RevokeVia;
  /** How long one instance may keep honouring a revoked secret before the run fails. */
  readonly revocationTimeoutMs: number;
  readonly tokenRun: TokenRunMode;
  /** Extra node flags for the service processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
  readonly tokenNodeArgs: readonly string[];
  /** How long an instance may take to catch up with the registration topic and report ready. */
  readonly readyTimeoutSeconds: number;
  readonly parts: readonly TokenPart[];
  readonly keepDatabase: boolean;
}

/** What `nx run bench:bench-token` runs with no settings: the 100,000 apps. */
export const TOKEN_DEFAULTS: TokenBenchSettings = {
  apps: 100_000,
  publishBatch: 2000,
  concurrency: 32,
  loadClients: 16,
  warmupSeconds: 5,
  durationSeconds: 20,
  rounds: 2,
  settleMs: 5000,
  revocations: 50,
  revokeVia: 'registration',
  revocationTimeoutMs: 10_000,
  tokenRun: 'dist',
  tokenNodeArgs: [],
  readyTimeoutSeconds: 1800,
  parts: TOKEN_PARTS,
  keepDatabase: false,
};

/** Reads BENCH_* settings; names every bad one. */
export function loadTokenSettings(env: NodeJS.ProcessEnv): TokenBenchSettings {
  const read = new EnvSettings(env);
  const int = read.int.bind(read);
  const d = TOKEN_DEFAULTS;
  const settings: TokenBenchSettings = {
    apps: int('BENCH_APPS', d.apps, 1, 10_000_000),
    // Larger batches exceed Kafka's default 1 MB record batch.
    publishBatch: int('BENCH_PUBLISH_BATCH', d.publishBatch, 1, 2000),
    concurrency: int('BENCH_CONCURRENCY', d.concurrency, 1, 1000),
    loadClients: int('BENCH_LOAD_CLIENTS', d.loadClients, 1, 1000),
    warmupSeconds: int('BENCH_WARMUP_S', d.warmupSeconds, 1, 600),
    durationSeconds: int('BENCH_DURATION_S', d.durationSeconds, 1, 3600),
    rounds: int('BENCH_ROUNDS', d.rounds, 1, 20),
    settleMs: int('BENCH_SETTLE_MS', d.settleMs, 0, 600_000),
    revocations: int('BENCH_REVOCATIONS', d.revocations, 1, 10_000),
    revocationTimeoutMs: int('BENCH_REVOCATION_TIMEOUT_MS', d.revocationTimeoutMs, 100, 600_000),
    revokeVia: read.oneOf('BENCH_REVOKE_VIA', REVOKE_VIA, d.revokeVia),
    tokenRun: read.oneOf('BENCH_TOKEN_RUN', TOKEN_RUN_MODES, d.tokenRun),
    tokenNodeArgs: (env['BENCH_TOKEN_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
    readyTimeoutSeconds: int('BENCH_READY_TIMEOUT_S', d.readyTimeoutSeconds, 1, 86_400),
    parts: read.subset('BENCH_PARTS', TOKEN_PARTS),
    keepDatabase: read.flag('BENCH_KEEP_DB'),
  };
  const known = settings.loadClients + settings.revocations;
  read.require(
    settings.apps >= known,
    `BENCH_APPS (${settings.apps}) must be at least BENCH_LOAD_CLIENTS + BENCH_REVOCATIONS (${known})`,
  );
  read.done();
  return settings;
}
