import { Provider, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { HealthController } from '../health/health.controller';
import { READINESS_OPTIONS, ReadinessOptions } from '../health/health-indicator';
import { AuthGuard } from '../http/auth.guard';
import { AUTHENTICATOR, Authenticator } from '../http/authenticator';
import { NotFoundController } from '../http/not-found.controller';
import { ProblemFilter } from '../http/problem.filter';

export interface HttpPlatformOptions {
  readonly readiness?: Partial<ReadinessOptions>;
  /** Plugs authentication into the global guard; without it every non-public route is 401. */
  readonly authenticator?: Type<Authenticator>;
}

export const DEFAULT_READINESS_TIMEOUT_MS = 2000;

/** Health endpoints and the catch-all 404; the module that lists them must also provide HEALTH_INDICATORS. */
export const HTTP_PLATFORM_CONTROLLERS = [HealthController, NotFoundController];

/** The global guard and problem filter, readiness options and the optional authenticator. */
export function httpPlatformProviders(options: HttpPlatformOptions = {}): Provider[] {
  const readiness: ReadinessOptions = {
    timeoutMs: DEFAULT_READINESS_TIMEOUT_MS,
    ...options.readiness,
  };
  const providers: Provider[] = [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: READINESS_OPTIONS, useValue: readiness },
  ];
  if (options.authenticator)
    providers.push({ provide: AUTHENTICATOR, useClass: options.authenticator });
  return providers;
}
