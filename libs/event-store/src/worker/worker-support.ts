import { setTimeout as delay } from 'node:timers/promises';

/** The subset of pino's logger the workers need; a pino logger fits as is. */
export interface WorkerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => undefined;
export const silentWorkerLogger: WorkerLogger = { info: ignore, warn: ignore, error: ignore };

/**
 * Waits `ms`, or less when `signal` aborts (a kick or a stop); may resolve or reject on abort.
 * Injected so that tests decide when time passes.
 */
export type WakeableSleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realWakeableSleep: WakeableSleep = (ms, signal) =>
  delay(ms, undefined, { signal }).catch(() => undefined);

/** Bounded exponential backoff between failed passes. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 10_000 };

/** The wait after `failures` consecutive failed passes (1-based): doubling, capped at maxMs. */
export function backoffMs(failures: number, policy: BackoffPolicy): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, failures - 1));
}
