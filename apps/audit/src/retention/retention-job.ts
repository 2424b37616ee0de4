import { Clock } from '@extapps/contracts';
import { ChainStore } from '../chain/chain-store';
import { checkCheckpoint, CheckpointDocument } from '../checkpoints/checkpoint';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { Keyring } from '../checkpoints/keyring';

export interface RetentionJobOptions {
  readonly chain: ChainStore;
  readonly checkpoints: CheckpointStore;
  readonly keyring: Keyring;
  readonly clock: Clock;
  /** Records older than this many days are removed (at checkpoint boundaries). */
  readonly maxAgeDays: number;
}

export type RetentionOutcome =
  | { readonly kind: 'nothing-due'; readonly horizon: number }
  | {
      readonly kind: 'removed';
      readonly horizon: number;
      readonly records: number;
      readonly checkpoints: number;
    }
  /** The newest old-enough checkpoint does not check out: nothing is removed, to keep evidence. */
  | { readonly kind: 'refused'; readonly seq: number; readonly reason: string };

const DAY_MS = 86_400_000;

/**
 * Removes records older than the configured age, but only up to a checkpoint: the newest
 * checkpoint of a record recorded before the cut-off becomes the retention horizon, and
 * verification starts from it (its signature vouches for the hash the next record links to).
 * Records up to it and older checkpoints are deleted; the horizon is written first, so a run that
 * dies half-way leaves only leftovers that verification ignores and the next run removes.
 *
 * Records between the horizon and the cut-off stay until a later checkpoint is old enough: the
 * age is a lower bound, exceeded by at most the checkpoint interval. Event marks are kept, so a
 * very late redelivery of a removed event still adds nothing.
 */
export class RetentionJob {
  constructor(private readonly options: RetentionJobOptions) {}

  async runOnce(): Promise<RetentionOutcome> {
    const { chain, checkpoints, clock, maxAgeDays } = this.options;
    const cutoff = new Date(clock.now().getTime() - maxAgeDays * DAY_MS).toISOString();
    const current = (await chain.readState('retention'))?.seq ?? 0;
    const candidate = await checkpoints.newestRecordedBefore(cutoff);
    const horizon = candidate && candidate.seq > current ? candidate : undefined;
    if (horizon) {
      const refusal = await this.refusal(horizon);
      if (refusal) return { kind: 'refused', seq: horizon.seq, reason: refusal };
      const { seq, hash, recordedAt } = horizon;
      await chain.advanceState('retention', { seq, hash, recordedAt });
    }
    const through = horizon?.seq ?? current;
    if (through === 0) return { kind: 'nothing-due', horizon: 0 };
    // Also finishes a run that died after moving the horizon.
    const records = await chain.deleteRecordsThrough(through);
    const removedCheckpoints = await checkpoints.deleteBelow(through);
    if (!horizon && records === 0 && removedCheckpoints === 0) {
      return { kind: 'nothing-due', horizon: through };
    }
    return { kind: 'removed', horizon: through, records, checkpoints: removedCheckpoints };
  }

  /** Why `checkpoint` must not become the start of the chain, if it must not. */
  private async refusal(checkpoint: CheckpointDocument): Promise<string | undefined> {
    const check = await checkCheckpoint(checkpoint, this.options.keyring);
    if (!check.ok) return `checkpoint ${checkpoint._id} is not valid (${check.reason})`;
    const record = await this.options.chain.recordAt(checkpoint.seq);
    if (record && record.hash !== checkpoint.hash)
      return `record ${checkpoint.seq} does not match its checkpoint`;
    return undefined;
  }
}
