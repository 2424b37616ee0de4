import { MessagingConfigError } from '../errors';
import { backoffDelay, backoffSchedule, DEFAULT_RETRY_POLICY, resolveRetryPolicy } from './backoff';

describe('backoff', () => {
  it('doubles from the initial delay and stops at the maximum', () => {
    const policy = resolveRetryPolicy({
      maxAttempts: 7,
      initialDelayMs: 100,
      maxDelayMs: 1_000,
    });
    expect(backoffSchedule(policy)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoffDelay(1, policy)).toBe(100);
  });

  it('waits nowhere when a single attempt is allowed', () => {
    expect(backoffSchedule(resolveRetryPolicy({ maxAttempts: 1 }))).toEqual([]);
  });

  it('defaults to five attempts over about three seconds', () => {
    expect(resolveRetryPolicy()).toEqual(DEFAULT_RETRY_POLICY);
    expect(backoffSchedule(DEFAULT_RETRY_POLICY)).toEqual([200, 400, 800, 1_600]);
  });

  it.each([
    [{ maxAttempts: 0 }, 'retry.maxAttempts'],
    [{ maxAttempts: 1.5 }, 'retry.maxAttempts'],
    [{ initialDelayMs: -1 }, 'retry.initialDelayMs'],
    [{ initialDelayMs: 500, maxDelayMs: 100 }, 'retry.maxDelayMs'],
  ])('rejects %j naming %s', (overrides, setting) => {
    expect(() => resolveRetryPolicy(overrides)).toThrow(MessagingConfigError);
    expect(() => resolveRetryPolicy(overrides)).toThrow(setting);
  });
});
