import { Clock } from '@extapps/contracts';
import { signCheckpoint } from './checkpoint';
import { CheckpointPolicy, checkpointDue, LastCheckpoint } from './checkpoint-policy';
import { CheckpointStore } from './checkpoint-store';
import { Keyring } from './keyring';

export interface CheckpointWriterOptions {
  readonly store: CheckpointStore;
  readonly keyring: Keyring;
  readonly policy: CheckpointPolicy;
  readonly clock: Clock;
}

/** A record just chained, as the writer needs it. */
export interface ChainedTip {
  readonly seq: number;
  readonly hash: string;
  readonly recordedAt: string;
}

/** Signs checkpoints for the chainer, which calls it after each record and when idle. */
export class CheckpointWriter {
  private last: LastCheckpoint | null | undefined;

  constructor(private readonly options: CheckpointWriterOptions) {}

  /** Forgets what it knows (after a failed pass): the next call reads the latest checkpoint. */
  reset(): void {
    this.last = undefined;
  }

  /** Signs a checkpoint at `tip` when the policy says one is due; true when it did. */
  async offer(tip: ChainedTip): Promise<boolean> {
    const { store, keyring, policy, clock } = this.options;
    if (this.last === undefined) this.last = await store.latest();
    const now = clock.now();
    if (!checkpointDue(policy, this.last, tip.seq, now)) return false;
    const checkpoint = await signCheckpoint({ ...tip, signedAt: now.toISOString() }, keyring);
    // A duplicate means another chainer signed this seq: same hash, since records are insert-won.
    await store.insert(checkpoint);
    this.last = checkpoint;
    return true;
  }
}
