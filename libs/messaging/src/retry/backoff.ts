import { MessagingConfigError } from '../errors';

export interface RetryPolicy {
  /** Handler calls per message, the first one included, before it is parked. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export type Sleep = (ms: number) => Promise<void>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 5_000,
};

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new MessagingConfigError(
      'retry.maxAttempts',
      `must be an integer >= 1, got ${policy.maxAttempts}`,
    );
  }
  if (!Number.isFinite(policy.initialDelayMs) || policy.initialDelayMs < 0) {
    throw new MessagingConfigError(
      'retry.initialDelayMs',
      `must be >= 0, got ${policy.initialDelayMs}`,
    );
  }
  if (!Number.isFinite(policy.maxDelayMs) || policy.maxDelayMs < policy.initialDelayMs) {
    throw new MessagingConfigError(
      'retry.maxDelayMs',
      `must be >= retry.initialDelayMs, got ${policy.maxDelayMs}`,
    );
  }
  return policy;
}

/** The wait after the given failed attempt (1-based): doubling from initialDelayMs, capped. */
export function backoffDelay(failedAttempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (failedAttempt - 1));
}

/** Every wait a message goes through before it is parked. */
export function backoffSchedule(policy: RetryPolicy): number[] {
  return Array.from({ length: policy.maxAttempts - 1 }, (_, i) => backoffDelay(i + 1, policy));
}
