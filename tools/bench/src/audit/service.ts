import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AdminScopes, EXTAPPS_ADMIN_RESOURCE } from '@extapps/contracts';
import { freePorts, Infrastructure } from '@extapps/infra';
import { startTestTokenIssuer } from '@extapps/platform/testing';
import { ROOT } from '../registration/source-process';
import { RunningServer, spawnServer, waitForServer } from '../token/servers';
import { RunMode } from './settings';

const SOURCE_ENTRY = join(ROOT, 'apps/audit/src/main.ts');
const BUILT_ENTRY = join(ROOT, 'dist/apps/audit/main.js');
/** Longer than any run: one token serves the whole benchmark. */
const TOKEN_LIFETIME_SEC = 12 * 3600;
/** pino's warn: what the service says at this level or above is printed, the rest only watched. */
const WARN = 40;

export interface RunningAudit extends RunningServer {
  /** `Bearer …` holding extapps.audit.read, from a stand-in issuer the service trusts. */
  readonly authorization: string;
  /** From spawning the process to `/health/ready` answering 200. */
  readonly readySeconds: number;
}

export interface AuditServiceOptions {
  readonly infra: Infrastructure;
  readonly database: string;
  /** Its INGESTION_GROUP_ID: a run starts the group where it wants it read from. */
  readonly groupId: string;
  /** INGESTION_BATCH_SIZE; 0 keeps the service default. */
  readonly ingestBatch: number;
  readonly mode: RunMode;
  readonly nodeArgs: readonly string[];
  readonly readyTimeoutMs: number;
  readonly log: (line: string) => void;
  /** Every line the service writes, printed or not (e.g. to wait for a start-up step). */
  readonly onLine?: (line: string) => void;
}

/** `node tools/build/build-service.js audit`: the artifact that is deployed. */
export async function buildAuditService(): Promise<void> {
  const script = join(ROOT, 'tools/build/build-service.js');
  await promisify(execFile)(process.execPath, [script, 'audit'], { cwd: ROOT });
}

/**
 * The audit service in its normal configuration (real Kafka and MongoDB-wire, log level info),
 * trusting a stand-in token issuer and signing checkpoints with a key made up for the run.
 */
export async function startAuditService(options: AuditServiceOptions): Promise<RunningAudit> {
  const issuer = await startTestTokenIssuer({ audience: EXTAPPS_ADMIN_RESOURCE });
  const [port] = await freePorts(1);
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = process.hrtime.bigint();
  const source = options.mode === 'source';
  const server = spawnServer({
    name: 'audit',
    baseUrl,
    command: process.execPath,
    args: [
      ...options.nodeArgs,
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
      INGESTION_GROUP_ID: options.groupId,
      ...(options.ingestBatch > 0 ? { INGESTION_BATCH_SIZE: String(options.ingestBatch) } : {}),
      AUDIT_SIGNING_KEY: signingKeyPem(),
      LOG_LEVEL: 'info',
    },
    log: (line) => {
      options.onLine?.(line);
      if (levelOf(line) >= WARN) options.log(line);
    },
  });
  const stop = async () => {
    await server.stop();
    await issuer.close();
  };
  try {
    await waitForServer(server, `${baseUrl}/health/ready`, options.readyTimeoutMs);
    const token = await issuer.issue({
      sub: 'bench-auditor',
      subType: 'app',
      scopes: [AdminScopes.auditRead],
      expiresInSec: TOKEN_LIFETIME_SEC,
    });
    const readySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { ...server, stop, authorization: `Bearer ${token}`, readySeconds };
  } catch (error) {
    await stop();
    throw error;
  }
}

function signingKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

const LEVELS: Readonly<Record<string, number>> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
};

/** The pino level of a JSON log line (a number or its label); a line that is no log entry: 60. */
export function levelOf(line: string): number {
  const level = /"level":(?:(\d+)|"([a-z]+)")/.exec(line);
  return Number(level?.[1] ?? LEVELS[level?.[2] ?? ''] ?? 60);
}
