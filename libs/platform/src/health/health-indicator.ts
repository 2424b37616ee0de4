/** One dependency the service needs to do its work; `check` rejects when it is unreachable. */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<void>;
}

export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');
export const READINESS_OPTIONS = Symbol('READINESS_OPTIONS');

export type CheckStatus = 'up' | 'down';

export interface ReadinessReport {
  readonly status: 'ok' | 'unavailable';
  readonly checks: Readonly<Record<string, CheckStatus>>;
}

export interface ReadinessOptions {
  /** A check that has not answered by then counts as down, so a probe never hangs. */
  readonly timeoutMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Coalesces concurrent checks: while one probe is in flight every caller shares it, so a
 * dependency that hangs cannot pile up one connection attempt per health request.
 */
export function singleFlight(probe: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  return () => (inFlight ??= probe().finally(() => (inFlight = undefined)));
}
