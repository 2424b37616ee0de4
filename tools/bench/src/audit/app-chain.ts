import { join } from 'node:path';
import { ROOT } from '../registration/source-process';
import type { SeedRecord } from './seed-records';

/** The audit service's chain hashing, as `apps/audit/src/chain/record-hash.ts` exports it. */
export interface AppChain {
  readonly GENESIS_HASH: string;
  chainHash(prevHash: string, record: SeedRecord, seq: number): string;
}

const RECORD_HASH = join(ROOT, 'apps/audit/src/chain/record-hash.ts');

/**
 * The service's own canonical form and hash, loaded from its source when the benchmark runs
 * (transpiled on load, as the benchmark itself is): a tool may not import app code, and a copy
 * could drift, leaving a seed that `GET /v1/audit/verify` reports broken. The seed is checked
 * against it with BENCH_VERIFY=1.
 */
export async function loadAppChain(): Promise<AppChain> {
  const loaded = (await import(RECORD_HASH)) as Partial<AppChain>;
  const { GENESIS_HASH, chainHash } = loaded;
  if (typeof GENESIS_HASH !== 'string' || typeof chainHash !== 'function') {
    throw new Error(`${RECORD_HASH} no longer exports GENESIS_HASH and chainHash`);
  }
  return { GENESIS_HASH, chainHash };
}
