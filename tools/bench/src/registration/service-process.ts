import { AdminScopes, EXTAPPS_ADMIN_RESOURCE } from '@extapps/contracts';
import { freePorts, Infrastructure, waitUntil } from '@extapps/infra';
import { startTestTokenIssuer, TestTokenIssuer } from '@extapps/platform/testing';
import { runFromSource, SourceProcess } from './source-process';

const SERVICE_ENTRY = 'apps/registration/src/main.ts';
const READY_TIMEOUT_MS = 120_000;
/** Longer than any run: the benchmark issues one token and uses it throughout. */
const TOKEN_LIFETIME_SEC = 12 * 3600;

export interface RunningRegistration {
  readonly baseUrl: string;
  /** `Bearer …` with extapps.apps.read and extapps.apps.write. */
  readonly authorization: string;
  /** Fails with the service's last output if it has died since it became ready. */
  assertAlive(): void;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  readonly infra: Infrastructure;
  readonly database: string;
  /** Passed through as SNAPSHOT_EVERY, so the report can say which interval it measured. */
  readonly snapshotEvery: number;
  readonly log: (line: string) => void;
}

/**
 * The registration service from source in its own process, on its own fresh database, trusting
 * a stand-in token issuer (the token service is not what this benchmark measures).
 */
export async function startRegistration(options: ServiceOptions): Promise<RunningRegistration> {
  const issuer = await startTestTokenIssuer({ audience: EXTAPPS_ADMIN_RESOURCE });
  let child: SourceProcess | undefined;
  try {
    const [port] = await freePorts(1);
    const baseUrl = `http://127.0.0.1:${port}`;
    child = runFromSource(
      SERVICE_ENTRY,
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        KAFKA_BROKERS: options.infra.kafkaBrokers.join(','),
        MONGO_URL: options.infra.mongoUrl,
        MONGO_DB: options.database,
        AUTH_ISSUER: issuer.issuer,
        AUTH_JWKS_URL: issuer.jwksUrl,
        AUTH_AUDIENCE: EXTAPPS_ADMIN_RESOURCE,
        SNAPSHOT_EVERY: String(options.snapshotEvery),
        LOG_LEVEL: 'warn',
      },
      (line) => options.log(`  [registration] ${line}`),
    );
    await waitForReady(baseUrl, child);
    return running(baseUrl, child, issuer, await adminToken(issuer));
  } catch (error) {
    await child?.owned.stop();
    await issuer.close();
    throw error;
  }
}

function running(
  baseUrl: string,
  child: SourceProcess,
  issuer: TestTokenIssuer,
  token: string,
): RunningRegistration {
  return {
    baseUrl,
    authorization: `Bearer ${token}`,
    assertAlive: () => {
      if (child.owned.hasExited()) {
        throw new Error(`the registration service died; its last output:\n${child.tail()}`);
      }
    },
    stop: async () => {
      await child.owned.stop();
      await issuer.close();
    },
  };
}

function adminToken(issuer: TestTokenIssuer): Promise<string> {
  return issuer.issue({
    sub: 'bench-admin',
    subType: 'app',
    scopes: [AdminScopes.appsRead, AdminScopes.appsWrite],
    expiresInSec: TOKEN_LIFETIME_SEC,
  });
}

async function waitForReady(baseUrl: string, child: SourceProcess): Promise<void> {
  let last = 'no answer yet';
  await waitUntil(
    async () => {
      if (child.owned.hasExited()) {
        throw new Error(`the registration service exited while starting:\n${child.tail()}`);
      }
      try {
        const response = await fetch(`${baseUrl}/health/ready`, {
          signal: AbortSignal.timeout(2000),
        });
        last = `HTTP ${response.status} ${(await response.text()).slice(0, 300)}`;
        return response.status === 200;
      } catch (error) {
        last = String(error);
        return false;
      }
    },
    {
      timeoutMs: READY_TIMEOUT_MS,
      intervalMs: 250,
      describe: () =>
        `the registration service was not ready after ${READY_TIMEOUT_MS} ms: ${last}\n${child.tail()}`,
    },
  );
}
