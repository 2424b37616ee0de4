import type { OpenLoadResult } from '../open-load';
import type { Memory } from '../token/proc-memory';
import type { InProcessResults } from './in-process';
import type { RouteStats } from './route-load';

export interface SeedSummary {
  readonly tenants: number;
  readonly folders: number;
  readonly maxDepth: number;
  readonly roles: number;
  readonly apps: number;
  readonly assignments: number;
}

export interface SetupResults {
  readonly events: number;
  readonly publishSeconds: number;
  readonly readySeconds: number;
  /** Share of the query set the service allowed (each query asked once before the load). */
  readonly allowedFraction: number;
}

export interface ThroughputResults {
  readonly live: RouteStats;
  readonly check: RouteStats;
}

export interface MemoryResults {
  readonly afterReady: Memory;
  afterLoad?: Memory;
}

/** Whatever parts have finished; a failed run reports those and names the failure. */
export interface PermissionsBenchResults {
  readonly infrastructure: string;
  seed?: SeedSummary;
  inProcess?: InProcessResults;
  setup?: SetupResults;
  throughput?: ThroughputResults;
  fixedRate?: OpenLoadResult;
  memory?: MemoryResults;
}
