export interface PollOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/** Retries `probe` until it stops throwing; after the deadline the last failure is rethrown. */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  options: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) =>
        setTimeout(resolve, options.intervalMs ?? 100),
      );
    }
  }
}
