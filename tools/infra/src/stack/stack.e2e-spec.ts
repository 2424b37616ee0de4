import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { spawnOwned, type OwnedProcess } from '../local/process';
import { freePorts } from '../local/ports';
import { waitUntil } from '../wait';
import { serviceSpecs, serviceUrl, waitForReady, type ServiceSpec } from './services';
import { serviceEnvironment } from './stack-env';

// The README's walk-through, as an operator runs it against `npm start`: the registration and
// token services as separate processes, talking only through Kafka and HTTP. Services run from
// source (no build) on the servers the jest global setup resolved.
const ROOT = resolve(__dirname, '..', '..', '..', '..');
const run = randomBytes(4).toString('hex');
const adminId = `stack-admin-${run}`;
const running: OwnedProcess[] = [];
let registration: string;
let token: string;
let adminSecret: string;

function tsNode(script: string, env: NodeJS.ProcessEnv) {
  return { command: process.execPath, args: ['-r', '@swc-node/register', script], cwd: ROOT, env };
}

function newSecret(): string {
  const { command, args, env } = tsNode('apps/registration/src/bootstrap/new-secret.ts', {
    ...process.env,
    SWC_NODE_PROJECT: 'tsconfig.base.json',
  });
  return execFileSync(command, args, { cwd: ROOT, env, encoding: 'utf8' }).trim();
}

async function start(spec: ServiceSpec, specs: ServiceSpec[]): Promise<void> {
  const infra = {
    provider: 'env' as const,
    kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    mongoUrl: process.env['MONGO_URL'] ?? '',
    stop: async () => undefined,
  };
  const env = serviceEnvironment(spec, specs, infra, process.env, { bootstrapSecret: adminSecret });
  const proc = spawnOwned({
    ...tsNode(`apps/${spec.name}/src/main.ts`, {
      ...env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      MONGO_DB: `stack_${spec.name}_${run}`,
      BOOTSTRAP_ADMIN_CLIENT_ID: adminId,
      LOG_LEVEL: 'warn',
    }),
  });
  running.push(proc);
  proc.output?.stdout.resume();
  proc.output?.stderr.resume();
  await waitForReady(spec, proc, 60_000);
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function tokenFor(id: string, secret: string, scope: string) {
  const response = await fetch(`${token}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: basic(id, secret),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The token service learns about apps from Kafka, a moment after the admin API answered. */
async function eventuallyToken(id: string, secret: string, scope: string): Promise<string> {
  let last: unknown;
  await waitUntil(
    async () => {
      const answer = await tokenFor(id, secret, scope);
      last = answer.body;
      return answer.status === 200;
    },
    { timeoutMs: 20_000, intervalMs: 100, describe: () => `no token: ${JSON.stringify(last)}` },
  );
  return (await tokenFor(id, secret, scope)).body['access_token'] as string;
}

async function admin(accessToken: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${registration}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${accessToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  const ports = await freePorts(4);
  const specs = serviceSpecs({
    REGISTRATION_PORT: String(ports[0]),
    TOKEN_PORT: String(ports[1]),
    PERMISSIONS_PORT: String(ports[2]),
    AUDIT_PORT: String(ports[3]),
  });
  const byName = (name: ServiceSpec['name']) => specs.find((s) => s.name === name) as ServiceSpec;
  adminSecret = newSecret();
  await Promise.all([start(byName('token'), specs), start(byName('registration'), specs)]);
  registration = serviceUrl(byName('registration'));
  token = serviceUrl(byName('token'));
}, 120_000);

afterAll(() => Promise.all(running.map((p) => p.stop())));

describe('the stack, as the README walks through it', () => {
  it('bootstrap admin token → register an app → its token → rotate its secret', async () => {
    const adminToken = await eventuallyToken(
      adminId,
      adminSecret,
      'extapps.apps.read extapps.apps.write',
    );

    const created = await admin(adminToken, 'POST', '/v1/apps', {
      name: `Billing robot ${run}`,
      type: 'confidential',
      applicationScopes: ['OR.Jobs'],
    });
    expect(created.status).toBe(201);
    const clientId = created.body['client_id'] as string;
    const firstSecret = created.body['client_secret'] as string;

    const appToken = await eventuallyToken(clientId, firstSecret, 'OR.Jobs');
    const claims = JSON.parse(Buffer.from(appToken.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ sub: clientId, client_id: clientId, aud: 'OrchestratorApi' });
    // The token service's TokenIssued reaches the registration service as the secret's last use.
    await waitUntil(
      async () => {
        const app = await admin(adminToken, 'GET', `/v1/apps/${clientId}`);
        const [secret] = app.body['secrets'] as { lastUsedAt: string | null }[];
        return secret?.lastUsedAt !== null && secret?.lastUsedAt !== undefined;
      },
      { timeoutMs: 20_000, intervalMs: 200, describe: () => "the secret's last use never showed" },
    );

    const added = await admin(adminToken, 'POST', `/v1/apps/${clientId}/secrets`, {
      description: 'rotation',
    });
    expect(added.status).toBe(201);
    const firstSecretId = (created.body['secret'] as { secretId: string }).secretId;
    const revoked = await admin(
      adminToken,
      'DELETE',
      `/v1/apps/${clientId}/secrets/${firstSecretId}`,
    );
    expect(revoked.status).toBe(200);

    await eventuallyToken(clientId, added.body['client_secret'] as string, 'OR.Jobs');
    await waitUntil(async () => (await tokenFor(clientId, firstSecret, 'OR.Jobs')).status === 401, {
      timeoutMs: 20_000,
      intervalMs: 100,
      describe: () => 'the revoked secret is still honoured',
    });
  });
});
