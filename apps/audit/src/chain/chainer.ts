import {
  BackoffPolicy,
  Lease,
  silentWorkerLogger,
  WakeableSleep,
  WorkerLogger,
} from '@extapps/event-store';
import { CheckpointWriter } from '../checkpoints/checkpoint-writer';
import { ChainAppender } from './chain-appender';
import { ChainStore } from './chain-store';
import { PassResult, WorkLoop } from './work-loop';

/** What ingestion calls after inserting into `audit_pending`, so the record is chained at once. */
export interface ChainerWake {
  wake(): void;
}

export interface ChainerOptions {
  readonly store: ChainStore;
  readonly checkpoints: CheckpointWriter;
  /** One chainer at a time among instances; without it every chainer works (tests, tools). */
  readonly lease?: Lease;
  readonly batchSize: number;
  /** How long an idle chainer waits before looking at pending again (a wake cuts it short). */
  readonly pollIntervalMs: number;
  readonly logger?: WorkerLogger;
  readonly sleep?: WakeableSleep;
  readonly backoff?: Partial<BackoffPolicy>;
}

/**
 * The chainer: one leased worker among the instances moves pending records into the hash chain
 * (ChainAppender) and signs checkpoints. Polls pending every `pollIntervalMs` and wakes at once on
 * `wake()`, so a record ingested by this instance is chained within a pass.
 *
 * Caveat: a lease is not a fence. A holder paused past its expiry can still run a pass while
 * another instance chains; it only loses inserts (StaleChainHead) and finds the head again.
 */
export class Chainer implements ChainerWake {
  private readonly loop: WorkLoop;
  private readonly logger: WorkerLogger;
  private readonly appender: ChainAppender;

  constructor(private readonly options: ChainerOptions) {
    this.logger = options.logger ?? silentWorkerLogger;
    this.appender = new ChainAppender(options.store, options.checkpoints, this.logger);
    this.loop = new WorkLoop({
      name: 'audit-chainer',
      pass: () => this.pass(),
      intervalMs: options.pollIntervalMs,
      logger: this.logger,
      sleep: options.sleep,
      backoff: options.backoff,
    });
  }

  start(): void {
    this.loop.start();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Lets a pass in flight finish, then gives the lease up for another instance. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.options.lease?.release().catch((error: unknown) => {
      this.logger.warn({ worker: 'audit-chainer', reason: String(error) }, 'lease not released');
    });
  }

  /** One pass (never overlapping the loop's): `more` when a full batch was chained. */
  runOnce(): Promise<PassResult> {
    return this.loop.runOnce();
  }

  private async pass(): Promise<PassResult> {
    const { lease, batchSize } = this.options;
    if (lease && !(await lease.tryAcquire())) {
      this.appender.forget();
      return 'idle';
    }
    try {
      const taken = await this.appender.chainPending(batchSize);
      await this.appender.checkpointIdleTip();
      return taken === batchSize ? 'more' : 'idle';
    } catch (error) {
      this.appender.forget();
      throw error;
    }
  }
}
