import { manualSleep, recordingLogger } from '@extapps/event-store/testing';
import { eventually } from '@extapps/testing';
import { PassResult, WorkLoop } from './work-loop';

function loopOf(results: (PassResult | Error)[]) {
  const time = manualSleep();
  const logger = recordingLogger();
  let passes = 0;
  const loop = new WorkLoop({
    name: 'test',
    intervalMs: 1_000,
    backoff: { initialMs: 100, maxMs: 200 },
    sleep: time.sleep,
    logger,
    pass: async () => {
      const result = results[Math.min(passes, results.length - 1)];
      passes += 1;
      if (result instanceof Error) throw result;
      return result;
    },
  });
  return { loop, time, logger, passes: () => passes };
}

describe('WorkLoop', () => {
  it('given more work, then passes follow at once; when idle, it waits the interval', async () => {
    const { loop, time, passes } = loopOf(['more', 'more', 'idle']);

    loop.start();

    await eventually(() => expect(time.requested).toEqual([1_000]));
    expect(passes()).toBe(3);
    await loop.stop();
  });

  it('given a wake while idle, then the next pass runs without waiting out the interval', async () => {
    const { loop, time, passes } = loopOf(['idle']);
    loop.start();
    await eventually(() => expect(time.requested).toEqual([1_000]));

    loop.wake();

    await eventually(() => expect(passes()).toBe(2));
    await loop.stop();
  });

  it('given failing passes, then it backs off (a wake does not cut it short) and logs the recovery', async () => {
    const boom = new Error('mongo down');
    const { loop, time, logger, passes } = loopOf([boom, boom, boom, 'idle']);
    loop.start();
    await eventually(() => expect(time.requested).toEqual([100]));

    loop.wake();
    expect(time.pending()).toBe(1);
    for (const expected of [
      [100, 200],
      [100, 200, 200],
      [100, 200, 200, 1_000],
    ]) {
      time.elapse();
      await eventually(() => expect(time.requested).toEqual(expected));
    }

    expect(passes()).toBe(4);
    expect(logger.lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'pass failed'],
      ['warn', 'pass failed'],
      ['warn', 'pass failed'],
      ['info', 'recovered'],
    ]);
    await loop.stop();
  });

  it('given runOnce while the loop runs, then passes never overlap', async () => {
    let inFlight = 0;
    let overlapped = false;
    const loop = new WorkLoop({
      name: 'test',
      intervalMs: 1_000,
      sleep: manualSleep().sleep,
      pass: async () => {
        inFlight += 1;
        overlapped ||= inFlight > 1;
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return 'idle';
      },
    });
    loop.start();

    await Promise.all([loop.runOnce(), loop.runOnce(), loop.runOnce()]);

    expect(overlapped).toBe(false);
    await loop.stop();
  });
});
