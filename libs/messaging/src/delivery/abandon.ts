/** The in-flight message was given up by a stop() whose grace period ran out. */
export class AbandonedError extends Error {
  constructor() {
    super('message abandoned by stop()');
    this.name = 'AbandonedError';
  }
}

/** Settles like `work`, unless `signal` aborts first: then rejects with AbandonedError. */
export function abandonable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new AbandonedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbandonedError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
