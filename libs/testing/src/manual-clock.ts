/**
 * A clock that moves only when the test says so. It fits the contracts' `Clock` structurally:
 * importing contracts here would tie the test harness into the libraries it tests.
 */
export class ManualClock {
  private current: number;

  constructor(start: Date | string = '2026-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}
