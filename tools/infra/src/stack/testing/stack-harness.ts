import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { spawnOwned, type OwnedProcess } from '../../local/process';
import { freePorts } from '../../local/ports';
import { waitUntil } from '../../wait';
import { serviceSpecs, serviceUrl, waitForReady, type ServiceSpec } from '../services';
import { serviceEnvironment } from '../stack-env';

// The four services as `npm start` runs them (the same environment from `serviceEnvironment`), as
// separate processes talking only through Kafka and HTTP; run from source (no build) on the
// servers the jest global setup resolved. Each run gets its own databases and consumer groups.
const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');

export interface Stack {
  readonly run: string;
  readonly adminId: string;
  readonly adminSecret: string;
  readonly urls: Readonly<Record<ServiceSpec['name'], string>>;
  stop(): Promise<void>;
}

export interface Answer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

function tsNode(script: string, env: NodeJS.ProcessEnv) {
  return {
    command: process.execPath,
    args: ['-r', '@swc-node/register', script],
    cwd: ROOT,
    env: { ...env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
  };
}

function newSecret(): string {
  const { command, args, env } = tsNode(
    'apps/registration/src/bootstrap/new-secret.ts',
    process.env,
  );
  return execFileSync(command, args, { cwd: ROOT, env, encoding: 'utf8' }).trim();
}

export async function startStack(): Promise<Stack> {
  const run = randomBytes(4).toString('hex');
  const adminId = `stack-admin-${run}`;
  const adminSecret = newSecret();
  const ports = await freePorts(4);
  const specs = serviceSpecs({
    REGISTRATION_PORT: String(ports[0]),
    TOKEN_PORT: String(ports[1]),
    PERMISSIONS_PORT: String(ports[2]),
    AUDIT_PORT: String(ports[3]),
  });
  const infra = {
    provider: 'env' as const,
    kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    mongoUrl: process.env['MONGO_URL'] ?? '',
    stop: async () => undefined,
  };
  const running: OwnedProcess[] = [];
  const stop = async () => {
    await Promise.all(running.map((p) => p.stop()));
  };
  const start = async (spec: ServiceSpec) => {
    const env = serviceEnvironment(spec, specs, infra, process.env, {
      bootstrapSecret: adminSecret,
    });
    const proc = spawnOwned(
      tsNode(`apps/${spec.name}/src/main.ts`, {
        ...env,
        MONGO_DB: `stack_${spec.name}_${run}`,
        BOOTSTRAP_ADMIN_CLIENT_ID: adminId,
        INGESTION_GROUP_ID: `stack.audit.${run}`,
        REACTIONS_CONSUMER_GROUP: `stack.permissions.${run}`,
        LOG_LEVEL: 'warn',
      }),
    );
    running.push(proc);
    proc.output?.stdout.resume();
    proc.output?.stderr.resume();
    await waitForReady(spec, proc, 120_000);
  };
  try {
    await Promise.all(specs.map(start));
  } catch (error) {
    await stop();
    throw error;
  }
  const urls = Object.fromEntries(specs.map((s) => [s.name, serviceUrl(s)])) as Stack['urls'];
  return { run, adminId, adminSecret, urls, stop };
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** A client credentials token request, as `curl -u id:secret …/oauth/token` sends it. */
export async function tokenFor(
  stack: Stack,
  id: string,
  secret: string,
  scope: string,
): Promise<Answer> {
  const response = await fetch(`${stack.urls.token}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: basic(id, secret),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
  });
  return { status: response.status, body: await response.json() };
}

/** The token service learns about apps from Kafka, a moment after the admin API answered. */
export async function eventuallyToken(
  stack: Stack,
  id: string,
  secret: string,
  scope: string,
): Promise<string> {
  let last: Answer | undefined;
  await waitUntil(
    async () => {
      last = await tokenFor(stack, id, secret, scope);
      return last.status === 200;
    },
    { timeoutMs: 20_000, intervalMs: 100, describe: () => `no token: ${JSON.stringify(last)}` },
  );
  return last?.body['access_token'] as string;
}

/** A JSON call with a bearer token; `headers` adds e.g. If-Match. */
export async function call(
  url: string,
  accessToken: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${accessToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}
