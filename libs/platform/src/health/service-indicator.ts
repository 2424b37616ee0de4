import { InjectionToken } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicator } from './health-indicator';

/** A readiness check of the service's own, next to mongo and kafka (e.g. "caught up with a topic"). */
export interface ServiceHealthIndicator {
  /** Its name in the readiness report. */
  readonly name: string;
  /** A provider in any of the service's modules; its `check()` rejects while the service is not ready. */
  readonly provider: InjectionToken<Pick<HealthIndicator, 'check'>>;
}

/**
 * ServiceModule is imported by the service's modules, so it cannot inject their providers: the
 * provider is looked up in the whole application on the first check, when every module exists.
 */
export function lazyIndicator(moduleRef: ModuleRef, spec: ServiceHealthIndicator): HealthIndicator {
  type Check = Pick<HealthIndicator, 'check'>;
  let target: Check | undefined;
  return {
    name: spec.name,
    check: () => {
      target ??= moduleRef.get<Check>(spec.provider, { strict: false });
      return target.check();
    },
  };
}
