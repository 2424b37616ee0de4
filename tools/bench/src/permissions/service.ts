import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AdminScopes, EXTAPPS_ADMIN_RESOURCE } from '@extapps/contracts';
import { freePorts, Infrastructure } from '@extapps/infra';
import { startTestTokenIssuer } from '@extapps/platform/testing';
import { ROOT } from '../registration/source-process';
import { RunningServer, spawnServer, waitForServer } from '../token/servers';
import { RunMode } from './settings';

const SOURCE_ENTRY = join(ROOT, 'apps/permissions/src/main.ts');
const BUILT_ENTRY = join(ROOT, 'dist/apps/permissions/main.js');
/** Logged at every readiness poll until the index caught up: noise in the bench output. */
const NOT_READY_LINE = '"msg":"not ready"';
/** Longer than any run: one token serves the whole benchmark. */
const TOKEN_LIFETIME_SEC = 12 * 3600;

export interface RunningPermissions extends RunningServer {
  /** `Bearer …` holding extapps.permissions.read, from a stand-in issuer the service trusts. */
  readonly authorization: string;
  /** From spawning the process to `/health/ready` answering 200 (the index caught up). */
  readonly readySeconds: number;
}

export interface PermissionsServiceOptions {
  readonly infra: Infrastructure;
  readonly database: string;
  readonly mode: RunMode;
  readonly nodeArgs?: readonly string[];
  readonly readyTimeoutMs: number;
  readonly log: (line: string) => void;
}

/** `node tools/build/build-service.js permissions`: the artifact that is deployed. */
export async function buildPermissionsService(): Promise<void> {
  const script = join(ROOT, 'tools/build/build-service.js');
  await promisify(execFile)(process.execPath, [script, 'permissions'], { cwd: ROOT });
}

/**
 * The permissions service in its normal configuration (real Kafka and MongoDB, a fresh
 * database), trusting a stand-in token issuer: the token service is not what is measured.
 */
export async function startPermissionsService(
  options: PermissionsServiceOptions,
): Promise<RunningPermissions> {
  const issuer = await startTestTokenIssuer({ audience: EXTAPPS_ADMIN_RESOURCE });
  const [port] = await freePorts(1);
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = process.hrtime.bigint();
  const source = options.mode === 'source';
  const server = spawnServer({
    name: 'permissions',
    baseUrl,
    command: process.execPath,
    args: [
      ...(options.nodeArgs ?? []),
      ...(source ? ['-r', '@swc-node/register', SOURCE_ENTRY] : [BUILT_ENTRY]),
    ],
    env: {
      ...(source ? { SWC_NODE_PROJECT: 'tsconfig.base.json' } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      KAFKA_BROKERS: options.infra.kafkaBrokers.join(','),
      MONGO_URL: options.infra.mongoUrl,
      MONGO_DB: options.database,
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_AUDIENCE: EXTAPPS_ADMIN_RESOURCE,
      LOG_LEVEL: 'warn',
    },
    log: (line) => {
      if (!line.includes(NOT_READY_LINE)) options.log(line);
    },
  });
  const stop = async () => {
    await server.stop();
    await issuer.close();
  };
  try {
    await waitForServer(server, `${baseUrl}/health/ready`, options.readyTimeoutMs);
    const token = await issuer.issue({
      sub: 'bench-checker',
      subType: 'app',
      scopes: [AdminScopes.permissionsRead],
      expiresInSec: TOKEN_LIFETIME_SEC,
    });
    const readySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { ...server, stop, authorization: `Bearer ${token}`, readySeconds };
  } catch (error) {
    await stop();
    throw error;
  }
}
