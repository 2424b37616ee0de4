import { waitUntil } from './wait';

/** A clock that only moves when the code under test sleeps. */
function fakeTime() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('waitUntil', () => {
  it('returns as soon as the condition holds', async () => {
    const time = fakeTime();
    let calls = 0;
    await waitUntil(() => ++calls === 3, {
      timeoutMs: 1000,
      intervalMs: 100,
      ...time,
      describe: () => 'never',
    });
    expect(calls).toBe(3);
    expect(time.now()).toBe(200);
  });

  it('fails with the described state at the deadline', async () => {
    const time = fakeTime();
    await expect(
      waitUntil(() => false, {
        timeoutMs: 500,
        intervalMs: 100,
        ...time,
        describe: () => `gave up at ${time.now()}`,
      }),
    ).rejects.toThrow('gave up at 500');
  });

  it('stops at once when the condition throws', async () => {
    const time = fakeTime();
    const check = () => {
      throw new Error('process exited');
    };
    await expect(
      waitUntil(check, { timeoutMs: 500, ...time, describe: () => 'timeout' }),
    ).rejects.toThrow('process exited');
    expect(time.now()).toBe(0);
  });
});
