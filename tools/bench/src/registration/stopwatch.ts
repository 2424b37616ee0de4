/** Elapsed wall time from construction, on the monotonic clock. */
export class Stopwatch {
  private readonly started = process.hrtime.bigint();

  seconds(): number {
    return Number(process.hrtime.bigint() - this.started) / 1e9;
  }
}

/** Events (or requests) per second; 0 for an empty run. */
export function rate(count: number, seconds: number): number {
  return seconds > 0 ? count / seconds : 0;
}
