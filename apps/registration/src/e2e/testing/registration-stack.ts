import { AdminScopes, EXTAPPS_ADMIN_RESOURCE } from '@extapps/contracts';
import { Env } from '@extapps/platform';
import {
  RunningService,
  startService,
  startTestTokenIssuer,
  testEnv,
  TestTokenIssuer,
} from '@extapps/platform/testing';
import { registrationService } from '../../service';
import { ApiClient } from './api-client';

export interface RegistrationStack {
  readonly service: RunningService;
  readonly issuer: TestTokenIssuer;
  readonly env: Env;
  /** Admin with both app scopes. */
  readonly admin: ApiClient;
  /** Read scope only. */
  readonly reader: ApiClient;
  /** No token at all. */
  readonly anonymous: ApiClient;
  /** The service again on the same database (a restart), with the same issuer. */
  restart(overrides?: Env): Promise<RunningService>;
  close(): Promise<void>;
}

/** The registration service on the real servers, trusting a test token issuer. */
export async function startRegistrationStack(overrides: Env = {}): Promise<RegistrationStack> {
  const issuer = await startTestTokenIssuer({ audience: EXTAPPS_ADMIN_RESOURCE });
  const env = testEnv('registration', {
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: issuer.jwksUrl,
    LOG_LEVEL: 'debug',
    OUTBOX_POLL_INTERVAL_MS: '100',
    ...overrides,
  });
  let service = await startService(registrationService, env);
  const token = (scopes: string[]) => () =>
    issuer.issue({ sub: 'e2e-admin', subType: 'app', scopes });
  const url = () => service.baseUrl;
  return {
    get service() {
      return service;
    },
    issuer,
    env,
    admin: new ApiClient(url, token([AdminScopes.appsRead, AdminScopes.appsWrite])),
    reader: new ApiClient(url, token([AdminScopes.appsRead])),
    anonymous: new ApiClient(url, null),
    async restart(more: Env = {}) {
      await service.close();
      service = await startService(registrationService, { ...env, ...more });
      return service;
    },
    async close() {
      await service.close();
      await issuer.close();
    },
  };
}
