import {
  backoffMs,
  BackoffPolicy,
  DEFAULT_BACKOFF,
  realWakeableSleep,
  silentWorkerLogger,
  WakeableSleep,
  WorkerLogger,
} from '@extapps/event-store';

/** `more`: work is left, run again at once; `idle`: wait for the interval or a wake. */
export type PassResult = 'more' | 'idle';

export interface WorkLoopOptions {
  /** Names the loop in logs, e.g. `audit-chainer`. */
  readonly name: string;
  readonly pass: () => Promise<PassResult>;
  readonly intervalMs: number;
  readonly backoff?: Partial<BackoffPolicy>;
  readonly sleep?: WakeableSleep;
  readonly logger?: WorkerLogger;
}

/**
 * Runs a pass, then another at once while there is more, else after the interval or a wake. A
 * failed pass is retried after a bounded exponential backoff (a wake does not cut it short).
 * Passes never overlap, whoever runs them (the loop, a test, a tool).
 */
export class WorkLoop {
  private readonly logger: WorkerLogger;
  private readonly sleep: WakeableSleep;
  private readonly backoff: BackoffPolicy;
  private running: Promise<void> | undefined;
  private passes: Promise<unknown> = Promise.resolve();
  private stopping = false;
  private woken = false;
  private waiting: { controller: AbortController; wakeable: boolean } | undefined;

  constructor(private readonly options: WorkLoopOptions) {
    this.logger = options.logger ?? silentWorkerLogger;
    this.sleep = options.sleep ?? realWakeableSleep;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Ends an idle wait at once; a wait after a failure runs its course. */
  wake(): void {
    this.woken = true;
    if (this.waiting?.wakeable) this.waiting.controller.abort();
  }

  /** Lets the pass in flight finish; none starts after. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.waiting?.controller.abort();
    await this.running;
    this.running = undefined;
  }

  runOnce(): Promise<PassResult> {
    const pass = this.passes.then(() => this.options.pass());
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      this.woken = false;
      try {
        const result = await this.runOnce();
        if (failures > 0) this.logger.info({ worker: this.options.name, failures }, 'recovered');
        failures = 0;
        if (result === 'more') continue;
        await this.wait(this.options.intervalMs, true);
      } catch (error) {
        failures += 1;
        const retryInMs = backoffMs(failures, this.backoff);
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.warn({ worker: this.options.name, failures, retryInMs, reason }, 'pass failed');
        await this.wait(retryInMs, false);
      }
    }
  }

  private async wait(ms: number, wakeable: boolean): Promise<void> {
    if (this.stopping || (wakeable && this.woken)) return;
    const controller = new AbortController();
    this.waiting = { controller, wakeable };
    try {
      await this.sleep(ms, controller.signal).catch(() => undefined);
    } finally {
      this.waiting = undefined;
    }
  }
}
