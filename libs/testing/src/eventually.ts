export interface EventuallyOptions {
  /** Give up after this long; the last failure is rethrown. */
  readonly timeoutMs?: number;
  /** Pause between attempts. */
  readonly intervalMs?: number;
}

/**
 * Retries `probe` until it stops throwing, then returns its value. Tests wait for a condition
 * this way instead of sleeping a fixed time, so they are as fast as the system and fail with the
 * probe's own assertion message when the deadline passes.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const interval = options.intervalMs ?? 50;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}
