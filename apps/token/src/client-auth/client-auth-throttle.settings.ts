import { Provider } from '@nestjs/common';
import { intSetting, SERVICE_CONFIG } from '@extapps/platform';
import {
  ClientAuthThrottle,
  ClientAuthThrottleSettings,
  DEFAULT_CLIENT_AUTH_THROTTLE,
} from './client-auth-throttle';

const defaults = DEFAULT_CLIENT_AUTH_THROTTLE;

/** The throttle's settings, spread into the token service's config schema. */
export const clientAuthThrottleSettings = {
  CLIENT_AUTH_THROTTLE_PER_SOURCE: intSetting(1, 10_000, defaults.perSourceLimit),
  CLIENT_AUTH_THROTTLE_PER_CLIENT: intSetting(1, 1_000_000, defaults.perClientLimit),
  CLIENT_AUTH_THROTTLE_WINDOW_SECONDS: intSetting(1, 86_400, defaults.windowMs / 1000),
  CLIENT_AUTH_THROTTLE_MAX_ENTRIES: intSetting(100, 10_000_000, defaults.maxEntries),
};

export interface ClientAuthThrottleConfig {
  readonly CLIENT_AUTH_THROTTLE_PER_SOURCE: number;
  readonly CLIENT_AUTH_THROTTLE_PER_CLIENT: number;
  readonly CLIENT_AUTH_THROTTLE_WINDOW_SECONDS: number;
  readonly CLIENT_AUTH_THROTTLE_MAX_ENTRIES: number;
}

export function clientAuthThrottleOf(config: ClientAuthThrottleConfig): ClientAuthThrottleSettings {
  return {
    perSourceLimit: config.CLIENT_AUTH_THROTTLE_PER_SOURCE,
    perClientLimit: config.CLIENT_AUTH_THROTTLE_PER_CLIENT,
    windowMs: config.CLIENT_AUTH_THROTTLE_WINDOW_SECONDS * 1000,
    maxEntries: config.CLIENT_AUTH_THROTTLE_MAX_ENTRIES,
    trustedSourceMs: defaults.trustedSourceMs,
  };
}

/** The one throttle of this instance, from the settings. */
export const clientAuthThrottleProvider: Provider = {
  provide: ClientAuthThrottle,
  useFactory: (config: ClientAuthThrottleConfig) =>
    new ClientAuthThrottle(clientAuthThrottleOf(config)),
  inject: [SERVICE_CONFIG],
};
