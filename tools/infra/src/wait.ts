export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  sleep?: Sleep;
  now?: () => number;
  /** Text of the timeout error; called only on timeout so it can read fresh state (a log tail). */
  describe: () => string;
}

/**
 * Polls `check` until it returns true. A `check` that throws aborts the wait at once: that is how
 * callers fail fast when the process they wait for has already died.
 */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  options: WaitOptions,
): Promise<void> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  for (;;) {
    if (await check()) return;
    if (now() >= deadline) throw new Error(options.describe());
    await sleep(options.intervalMs ?? 100);
  }
}
