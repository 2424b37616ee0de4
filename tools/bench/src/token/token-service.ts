import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePorts, Infrastructure, TOKEN_NODE_OPTIONS } from '@extapps/infra';
import { ROOT } from '../registration/source-process';
import { RunningServer, spawnServer, waitForServer } from './servers';
import { TokenRunMode } from './settings';

const SOURCE_ENTRY = join(ROOT, 'apps/token/src/main.ts');
/** Logged at every readiness poll until the client table caught up: noise in the bench output. */
const NOT_READY_LINE = '"msg":"not ready"';

export interface TokenServiceOptions {
  readonly name: string;
  readonly infra: Infrastructure;
  /** Instances of one deployment share the database and the issuer. */
  readonly database: string;
  readonly issuer?: string;
  readonly mode: TokenRunMode;
  readonly readyTimeoutMs: number;
  /** dist/apps/token/main.js, when mode is dist. */
  readonly builtEntry?: string;
  /** Settings the service requires that the deployment shares (e.g. a key-encryption key). */
  readonly shared: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
  /** Extra node flags, e.g. `--cpu-prof` (BENCH_TOKEN_NODE_ARGS). */
  readonly nodeArgs: readonly string[];
}

export interface RunningTokenService extends RunningServer {
  readonly issuer: string;
  /** From spawning the process to `/health/ready` answering 200 (the client table caught up). */
  readonly readySeconds: number;
}

/**
 * Settings every instance of one run shares. SIGNING_KEY_ENCRYPTION_KEY is the caller's when set;
 * otherwise one made up for this run (32 random bytes, base64url), which the service ignores
 * until it persists signing keys.
 */
export function sharedTokenSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    SIGNING_KEY_ENCRYPTION_KEY:
      env['SIGNING_KEY_ENCRYPTION_KEY'] || randomBytes(32).toString('base64url'),
  };
}

/**
 * One token service instance in its normal configuration: real Kafka (its events flow to
 * extapps.token.events.v1) and MongoDB, from the built artifact or from source.
 */
export async function startTokenService(
  options: TokenServiceOptions,
): Promise<RunningTokenService> {
  const [port] = await freePorts(1);
  const baseUrl = `http://127.0.0.1:${port}`;
  const issuer = options.issuer ?? baseUrl;
  const entry = options.mode === 'dist' ? options.builtEntry : SOURCE_ENTRY;
  if (!entry) throw new Error('the token service was not built');
  const started = process.hrtime.bigint();
  const server = spawnServer({
    name: options.name,
    baseUrl,
    command: process.execPath,
    args: [
      ...options.nodeArgs,
      ...(options.mode === 'dist' ? [entry] : ['-r', '@swc-node/register', entry]),
    ],
    env: {
      ...options.shared,
      ...(options.mode === 'source' ? { SWC_NODE_PROJECT: 'tsconfig.base.json' } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      KAFKA_BROKERS: options.infra.kafkaBrokers.join(','),
      MONGO_URL: options.infra.mongoUrl,
      MONGO_DB: options.database,
      ISSUER: issuer,
      LOG_LEVEL: 'warn',
      // As `npm start` and docker-compose run it; the memory figure depends on it.
      NODE_OPTIONS: TOKEN_NODE_OPTIONS,
    },
    log: (line) => {
      if (!line.includes(NOT_READY_LINE)) options.log(line);
    },
  });
  try {
    await waitForServer(server, `${baseUrl}/health/ready`, options.readyTimeoutMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const readySeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...server, issuer, readySeconds };
}
