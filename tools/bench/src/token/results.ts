import type { VerifiedToken } from './grant-target';
import type { Memory } from './proc-memory';
import type { Propagation } from './revocation';
import type { GrantStats } from './throughput';

export interface SetupResults {
  readonly apps: number;
  readonly publishSeconds: number;
  readonly readySeconds: number;
}

export interface ThroughputResults {
  readonly peerVersion: string;
  readonly ourToken: VerifiedToken;
  readonly peerToken: VerifiedToken;
  readonly ours: GrantStats;
  readonly peer: GrantStats;
  /** 200 answers of our instance before the revocation part: the TokenIssued events expected. */
  readonly issued: number;
  readonly onTopic: number;
}

export interface MemoryResults {
  readonly afterSettle: Memory;
  afterLoad?: Memory;
  peerAfterLoad?: Memory;
}

/** Whatever parts have finished; a failed run reports those and names the failure. */
export interface TokenBenchResults {
  readonly infrastructure: string;
  setup?: SetupResults;
  throughput?: ThroughputResults;
  memory?: MemoryResults;
  revocation?: RevocationResults;
}

export interface RevocationResults {
  /** How the secrets were revoked (and so where each sample starts). */
  readonly how: string;
  readonly samples: readonly Propagation[];
}
