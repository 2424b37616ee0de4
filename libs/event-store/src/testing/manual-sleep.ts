import { WakeableSleep } from '../worker/worker-support';

export interface ManualSleep {
  readonly sleep: WakeableSleep;
  /** Every requested wait, in order. */
  readonly requested: number[];
  /** Waits that neither elapsed nor were woken yet. */
  pending(): number;
  /** Lets every current wait elapse. */
  elapse(): void;
}

/** A sleep that lasts until the test says time has passed, or until the worker is woken. */
export function manualSleep(): ManualSleep {
  const requested: number[] = [];
  const waiting = new Set<() => void>();
  const sleep: WakeableSleep = (ms, signal) => {
    requested.push(ms);
    return new Promise<void>((resolve) => {
      const done = () => {
        waiting.delete(done);
        resolve();
      };
      waiting.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  };
  return {
    sleep,
    requested,
    pending: () => waiting.size,
    elapse: () => [...waiting].forEach((done) => done()),
  };
}
