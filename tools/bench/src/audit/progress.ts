/** When a count was first seen above zero, and when it reached its target. */
export interface Progress {
  readonly total: number;
  /** Seconds from the start of the watch to the first sighting, and the count then. */
  readonly firstSeconds: number;
  readonly firstCount: number;
  readonly lastSeconds: number;
}

/**
 * Items per second between the first sighting and the end: (total − firstCount) over that time.
 * Start-up (group join, process start) is left out the same way for every reader compared. NaN
 * when everything came in the first sighting.
 */
export function steadyRate(p: Progress): number {
  const seconds = p.lastSeconds - p.firstSeconds;
  return seconds > 0 && p.total > p.firstCount ? (p.total - p.firstCount) / seconds : NaN;
}

/** Records a count's progress as it is polled or pushed. */
export class ProgressWatch {
  private readonly started = process.hrtime.bigint();
  private first: { seconds: number; count: number } | undefined;
  private last: number | undefined;

  constructor(readonly total: number) {}

  /** Takes the current count; true once it reached the total. */
  saw(count: number): boolean {
    const now = Number(process.hrtime.bigint() - this.started) / 1e9;
    if (count > 0 && !this.first) this.first = { seconds: now, count };
    if (count >= this.total && this.last === undefined) this.last = now;
    return this.last !== undefined;
  }

  result(): Progress | undefined {
    if (!this.first || this.last === undefined) return undefined;
    return {
      total: this.total,
      firstSeconds: this.first.seconds,
      firstCount: this.first.count,
      lastSeconds: this.last,
    };
  }
}
