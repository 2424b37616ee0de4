import { CommitTimers } from '../group-commit';

export interface ManualCommitTimers {
  readonly timers: CommitTimers;
  /** Runs the flushes planned so far (what the next turn of the event loop would do). */
  runSoon(): void;
  /** Moves time on, firing the deadlines it passes. */
  advance(ms: number): void;
}

/** Commit timers that fire only when the test says so. */
export function manualCommitTimers(): ManualCommitTimers {
  let planned: (() => void)[] = [];
  let now = 0;
  const deadlines = new Set<{ readonly at: number; readonly fn: () => void }>();
  return {
    timers: {
      soon: (fn) => void planned.push(fn),
      after: (ms, fn) => {
        const deadline = { at: now + ms, fn };
        deadlines.add(deadline);
        return () => void deadlines.delete(deadline);
      },
    },
    runSoon: () => {
      const due = planned;
      planned = [];
      due.forEach((fn) => fn());
    },
    advance: (ms) => {
      now += ms;
      for (const deadline of [...deadlines]) {
        if (deadline.at > now) continue;
        deadlines.delete(deadline);
        deadline.fn();
      }
    },
  };
}

/** Lets pending promise callbacks run (one turn of the event loop); no time passes. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A promise's state as observed so far, without awaiting it. */
export function observe(promise: Promise<unknown>): { state: () => string; error: () => unknown } {
  let state = 'pending';
  let error: unknown;
  promise.then(
    () => (state = 'resolved'),
    (e: unknown) => {
      state = 'rejected';
      error = e;
    },
  );
  return { state: () => state, error: () => error };
}
