import { HealthIndicator, singleFlight } from './health-indicator';
import { checkReadiness } from './readiness';

const up = (name: string): HealthIndicator => ({
  name,
  check: async () => undefined,
});
const down = (name: string, reason: string): HealthIndicator => ({
  name,
  check: async () => {
    throw new Error(reason);
  },
});
const hanging = (name: string): HealthIndicator => ({
  name,
  check: () => new Promise<void>(() => undefined),
});

/** A timer the test fires by hand, so no test waits on the wall clock. */
function manualSleep() {
  const pending: Array<() => void> = [];
  return {
    sleep: (_ms: number) => new Promise<void>((resolve) => pending.push(resolve)),
    fire: () => pending.splice(0).forEach((resolve) => resolve()),
  };
}

describe('checkReadiness', () => {
  it('is ok when every indicator is up', async () => {
    const { sleep } = manualSleep();
    expect(
      await checkReadiness([up('mongo'), up('kafka')], {
        timeoutMs: 1000,
        sleep,
      }),
    ).toEqual({
      report: { status: 'ok', checks: { mongo: 'up', kafka: 'up' } },
      failures: [],
    });
  });

  it('is unavailable and names the failed check when one is down', async () => {
    const { sleep } = manualSleep();
    const result = await checkReadiness([up('mongo'), down('kafka', 'ECONNREFUSED')], {
      timeoutMs: 1000,
      sleep,
    });
    expect(result).toEqual({
      report: { status: 'unavailable', checks: { mongo: 'up', kafka: 'down' } },
      failures: [{ name: 'kafka', reason: 'ECONNREFUSED' }],
    });
  });

  it('counts a check that does not answer in time as down', async () => {
    const timer = manualSleep();
    const pending = checkReadiness([hanging('mongo'), up('kafka')], {
      timeoutMs: 1500,
      sleep: timer.sleep,
    });
    await new Promise((resolve) => setImmediate(resolve));
    timer.fire();
    expect(await pending).toEqual({
      report: { status: 'unavailable', checks: { mongo: 'down', kafka: 'up' } },
      failures: [{ name: 'mongo', reason: 'no answer within 1500 ms' }],
    });
  });
});

describe('singleFlight', () => {
  it('shares one in-flight probe between callers and starts a new one afterwards', async () => {
    let calls = 0;
    let finish: () => void = () => undefined;
    const check = singleFlight(() => {
      calls++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = check();
    const second = check();
    expect(calls).toBe(1);
    finish();
    await Promise.all([first, second]);
    void check();
    expect(calls).toBe(2);
  });
});
