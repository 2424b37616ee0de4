import { createServiceApp, defineService, loadConfig } from '@extapps/platform';
import { LogCapture, testEnv } from '@extapps/platform/testing';
import { ManualClock } from '@extapps/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { signingKeyTestEnv } from '../keys/testing/signing-key-env';
import { AppModule, TokenOverrides } from '../app.module';
import { tokenService } from '../service';

/** The token service with test doubles (e.g. a ManualClock) in place of the real ones. */
export function tokenServiceWith(overrides: TokenOverrides) {
  return defineService({
    ...tokenService,
    appModule: (config) => AppModule.forRoot(config, overrides),
  });
}

/**
 * The token service listening on a port chosen beforehand, so that its ISSUER can name its own
 * address (startService always listens on port 0). `env` adds settings to the test environment.
 */
export async function startTokenServiceAt(
  port: number,
  clock: ManualClock,
  logs: LogCapture,
  env: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; issuer: string }> {
  const issuer = `http://127.0.0.1:${port}`;
  const service = tokenServiceWith({ clock });
  const config = loadConfig(
    service.configSchema,
    testEnv('token', { ...signingKeyTestEnv(), ISSUER: issuer, ...env }),
  );
  const app = await createServiceApp({
    name: service.name,
    config,
    appModule: service.appModule,
    logDestination: logs.destination,
  });
  await app.listen(port, '127.0.0.1');
  return { app, issuer };
}
