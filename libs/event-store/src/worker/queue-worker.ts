import { Lease } from '../lease/lease';
import { StoredEvent, WorkQueue } from '../ports';
import {
  backoffMs,
  BackoffPolicy,
  DEFAULT_BACKOFF,
  realWakeableSleep,
  silentWorkerLogger,
  WakeableSleep,
  WorkerLogger,
} from './worker-support';

/** Does the work for a batch, oldest first; throwing means "nothing of it is done, retry". */
export type BatchHandler = (events: readonly StoredEvent[]) => Promise<void>;

export interface QueueWorkerOptions {
  /** Names the worker in logs, e.g. `outbox-relay`. */
  readonly name: string;
  readonly queue: WorkQueue;
  readonly handle: BatchHandler;
  /** Only the holder works. Without a lease every instance works (order-free, idempotent work). */
  readonly lease?: Lease;
  readonly logger?: WorkerLogger;
  /** Events per pass; 500 when omitted. */
  readonly batchSize?: number;
  /** How long an idle worker waits before looking again (a kick wakes it sooner). */
  readonly pollIntervalMs: number;
  /**
   * After a pass that handled less than a batch, how long to wait before the next one, kicks
   * notwithstanding; 0 when omitted. Under a steady stream of kicks (one per append) a pass per
   * kick would handle a few events each at a fixed cost (lease, read, publish, acknowledge); a
   * short linger lets each pass take what arrived meanwhile, at the price of that much latency.
   */
  readonly lingerMs?: number;
  readonly backoff?: Partial<BackoffPolicy>;
  readonly sleep?: WakeableSleep;
}

export type PassOutcome =
  | { readonly kind: 'handled'; readonly count: number }
  | { readonly kind: 'idle' }
  | { readonly kind: 'not-holder' }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Drives a work queue: take the oldest pending batch, handle it, acknowledge it, repeat. A failed
 * batch is acknowledged not at all and retried from the oldest pending event after a bounded
 * exponential backoff, so nothing is skipped and order holds (at least once: a crash between
 * handling and acknowledging repeats the batch).
 */
export class QueueWorker {
  private readonly batchSize: number;
  private readonly backoff: BackoffPolicy;
  private readonly logger: WorkerLogger;
  private readonly sleep: WakeableSleep;
  private running: Promise<void> | undefined;
  private passes: Promise<unknown> = Promise.resolve();
  private stopping = false;
  private kicked = false;
  private waiting: { controller: AbortController; kickable: boolean } | undefined;

  constructor(private readonly options: QueueWorkerOptions) {
    this.batchSize = options.batchSize ?? 500;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new Error(`batchSize must be a positive integer, got ${options.batchSize}`);
    }
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.logger = options.logger ?? silentWorkerLogger;
    this.sleep = options.sleep ?? realWakeableSleep;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Ends an idle wait at once (call it after an append); a failure backoff is not cut short. */
  kick(): void {
    this.kicked = true;
    if (this.waiting?.kickable) this.waiting.controller.abort();
  }

  /** Lets the pass in flight finish (and acknowledge), then releases the lease. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.waiting?.controller.abort();
    await this.running;
    this.running = undefined;
    await this.options.lease?.release().catch((error: unknown) => {
      this.logger.warn({ worker: this.options.name, reason: message(error) }, 'lease not released');
    });
  }

  /** One pass; passes never overlap, whoever calls them (the loop, a test, a rebuild tool). */
  runOnce(): Promise<PassOutcome> {
    const pass = this.passes.then(() => this.pass());
    this.passes = pass;
    return pass;
  }

  private async pass(): Promise<PassOutcome> {
    const { lease, queue, handle } = this.options;
    try {
      if (lease && !(await lease.tryAcquire())) return { kind: 'not-holder' };
      const events = await queue.pending(this.batchSize);
      if (events.length === 0) return { kind: 'idle' };
      await handle(events);
      await queue.acknowledge(events.map(({ event }) => event.eventId));
      return { kind: 'handled', count: events.length };
    } catch (error) {
      return { kind: 'failed', error };
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      this.kicked = false;
      const outcome = await this.runOnce();
      if (outcome.kind === 'failed') {
        failures += 1;
        const retryInMs = backoffMs(failures, this.backoff);
        this.logger.warn(
          { worker: this.options.name, failures, retryInMs, reason: message(outcome.error) },
          'queue worker pass failed; retrying from the oldest pending event',
        );
        await this.wait(retryInMs, false);
        continue;
      }
      if (failures > 0) this.logger.info({ worker: this.options.name, failures }, 'recovered');
      failures = 0;
      if (outcome.kind === 'handled' && outcome.count === this.batchSize) continue;
      if (outcome.kind === 'handled' && this.options.lingerMs) {
        await this.wait(this.options.lingerMs, false);
      }
      await this.wait(this.options.pollIntervalMs, true);
    }
  }

  private async wait(ms: number, kickable: boolean): Promise<void> {
    if (this.stopping || (kickable && this.kicked)) return;
    const controller = new AbortController();
    this.waiting = { controller, kickable };
    try {
      await this.sleep(ms, controller.signal).catch(() => undefined);
    } finally {
      this.waiting = undefined;
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
