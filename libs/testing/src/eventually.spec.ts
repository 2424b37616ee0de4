import { eventually } from './eventually';

describe('eventually', () => {
  it('given a probe that passes on the third try, then it returns its value', async () => {
    let calls = 0;

    const value = await eventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error(`not yet (${calls})`);
        return 'done';
      },
      { intervalMs: 1 },
    );

    expect(value).toBe('done');
    expect(calls).toBe(3);
  });

  it('given a probe that never passes, then the last failure is rethrown after the deadline', async () => {
    let calls = 0;

    const outcome = eventually(
      () => {
        calls += 1;
        throw new Error(`still failing (${calls})`);
      },
      { timeoutMs: 30, intervalMs: 1 },
    );

    await expect(outcome).rejects.toThrow(/still failing \(\d+\)/);
    expect(calls).toBeGreaterThan(1);
  });
});
