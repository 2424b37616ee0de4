import { setTimeout as delay } from 'node:timers/promises';
import {
  CheckStatus,
  HealthIndicator,
  ReadinessOptions,
  ReadinessReport,
} from './health-indicator';

export interface FailedCheck {
  readonly name: string;
  readonly reason: string;
}

export interface ReadinessResult {
  readonly report: ReadinessReport;
  /** For the log only: reasons may name hosts and are not shown to callers. */
  readonly failures: readonly FailedCheck[];
}

const TIMED_OUT = Symbol('timed out');

export async function checkReadiness(
  indicators: readonly HealthIndicator[],
  options: ReadinessOptions,
): Promise<ReadinessResult> {
  const sleep = options.sleep ?? ((ms: number) => delay(ms, undefined, { ref: false }));
  const outcomes = await Promise.all(
    indicators.map((indicator) => runCheck(indicator, options.timeoutMs, sleep)),
  );
  const checks: Record<string, CheckStatus> = {};
  const failures: FailedCheck[] = [];
  indicators.forEach((indicator, i) => {
    const reason = outcomes[i];
    checks[indicator.name] = reason === undefined ? 'up' : 'down';
    if (reason !== undefined) failures.push({ name: indicator.name, reason });
  });
  return {
    report: { status: failures.length === 0 ? 'ok' : 'unavailable', checks },
    failures,
  };
}

/** Resolves to undefined when up, else to the reason it is down. */
async function runCheck(
  indicator: HealthIndicator,
  timeoutMs: number,
  sleep: (ms: number) => Promise<void>,
): Promise<string | undefined> {
  try {
    const outcome = await Promise.race([indicator.check(), sleep(timeoutMs).then(() => TIMED_OUT)]);
    return outcome === TIMED_OUT ? `no answer within ${timeoutMs} ms` : undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
