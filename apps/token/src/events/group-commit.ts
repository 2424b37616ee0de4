/** When the committer runs work; injected so that tests decide when a flush or a deadline comes. */
export interface CommitTimers {
  /** Runs `fn` once the current burst of calls is over (the next turn of the event loop). */
  soon(fn: () => void): void;
  /** Runs `fn` after `ms` unless the returned function cancels it first. */
  after(ms: number, fn: () => void): () => void;
}

export const realCommitTimers: CommitTimers = {
  soon: (fn) => void setImmediate(fn),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export interface GroupCommitOptions<T> {
  /** Makes a batch durable; resolving means every item of it is. */
  readonly write: (items: readonly T[]) => Promise<void>;
  /** Items per write; one submission is never split, so a larger one goes alone. */
  readonly maxBatch: number;
  /** Items waiting for a write (not counting the one in flight) beyond which submissions fail. */
  readonly maxWaiting: number;
  /** A submission not written by then fails, whether it still waits or its write hangs. */
  readonly timeoutMs: number;
  /**
   * Writes in flight at once (default 1). More overlap the storage's round trips: a request
   * arriving during a write need not wait for it to end, at the cost of smaller batches.
   */
  readonly maxInFlight?: number;
  readonly timers?: CommitTimers;
}

export type CommitFailure = 'overloaded' | 'timeout' | 'write-failed';

export class CommitRefused extends Error {
  constructor(
    readonly failure: CommitFailure,
    options?: { cause?: unknown },
  ) {
    super(`group commit refused: ${failure}`, options);
    this.name = 'CommitRefused';
  }
}

interface Submission<T> {
  readonly items: readonly T[];
  readonly settle: (error?: Error) => void;
  cancelDeadline: () => void;
  settled: boolean;
  /** Taken into a write (which may still land after the deadline). */
  writing: boolean;
}

/**
 * Group commit: submissions that arrive together, or while the writes in flight are at
 * `maxInFlight`, share the next write, so a storage that serializes writes (FerretDB) does one
 * round trip for many requests. Each submission settles when its own batch is acknowledged or
 * fails.
 * Bounded: too many waiting items fail at once (back-pressure), and every submission has a
 * deadline, after which it fails even if its write later succeeds (the caller must then treat
 * the items as possibly stored).
 */
export class GroupCommit<T> {
  private readonly timers: CommitTimers;
  private waiting: Submission<T>[] = [];
  private waitingItems = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly maxInFlight: number;
  private flushPlanned = false;

  constructor(private readonly options: GroupCommitOptions<T>) {
    for (const key of ['maxBatch', 'maxWaiting', 'timeoutMs', 'maxInFlight'] as const) {
      const value = options[key] ?? 1;
      if (!Number.isInteger(value) || value < 1)
        throw new Error(`${key} must be a positive integer, got ${value}`);
    }
    this.maxInFlight = options.maxInFlight ?? 1;
    this.timers = options.timers ?? realCommitTimers;
  }

  /** Resolves once `items` are written; rejects with CommitRefused. */
  submit(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    if (this.waitingItems + items.length > this.options.maxWaiting)
      return Promise.reject(new CommitRefused('overloaded'));
    return new Promise<void>((resolve, reject) => {
      const submission: Submission<T> = {
        items,
        settled: false,
        writing: false,
        cancelDeadline: () => undefined,
        settle: (error) => {
          if (submission.settled) return;
          submission.settled = true;
          submission.cancelDeadline();
          if (error) reject(error);
          else resolve();
        },
      };
      submission.cancelDeadline = this.timers.after(this.options.timeoutMs, () =>
        this.expire(submission),
      );
      this.waiting.push(submission);
      this.waitingItems += items.length;
      this.planFlush();
    });
  }

  /** Resolves once nothing waits and no write is in flight (for shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 || this.waiting.length > 0) {
      this.flush();
      await Promise.all(this.inFlight);
    }
  }

  private planFlush(): void {
    if (this.full() || this.flushPlanned) return;
    this.flushPlanned = true;
    this.timers.soon(() => {
      this.flushPlanned = false;
      this.flush();
    });
  }

  private full(): boolean {
    return this.inFlight.size >= this.maxInFlight;
  }

  private flush(): void {
    while (!this.full() && this.waiting.length > 0) {
      const batch = this.takeBatch();
      if (batch.length === 0) return;
      const write: Promise<void> = this.writeBatch(batch).finally(() => {
        this.inFlight.delete(write);
        // Whatever arrived during the write goes at once: it has waited a whole write already.
        this.flush();
      });
      this.inFlight.add(write);
    }
  }

  private takeBatch(): Submission<T>[] {
    const batch: Submission<T>[] = [];
    let size = 0;
    let taken = 0;
    for (const next of this.waiting) {
      if (next.settled) {
        taken += 1; // expired while waiting; already uncounted
        continue;
      }
      if (batch.length > 0 && size + next.items.length > this.options.maxBatch) break;
      next.writing = true;
      batch.push(next);
      size += next.items.length;
      taken += 1;
    }
    this.waiting = this.waiting.slice(taken);
    this.waitingItems -= size;
    return batch;
  }

  /** Never rejects: the outcome goes to each submission. */
  private async writeBatch(batch: readonly Submission<T>[]): Promise<void> {
    try {
      await this.options.write(batch.flatMap((s) => s.items));
      batch.forEach((s) => s.settle());
    } catch (error) {
      const refused = new CommitRefused('write-failed', { cause: error });
      batch.forEach((s) => s.settle(refused));
    }
  }

  /**
   * Still waiting: it is never written (takeBatch skips it) and stops counting at once. In
   * flight: it may yet land.
   */
  private expire(submission: Submission<T>): void {
    if (submission.settled) return;
    if (!submission.writing) this.waitingItems -= submission.items.length;
    submission.settle(new CommitRefused('timeout'));
  }
}
