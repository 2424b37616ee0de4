import { waitUntil } from '../wait';
import { call, eventuallyToken, startStack, tokenFor, type Stack } from './testing/stack-harness';

// The README's walk-throughs, as an administrator and a compliance officer run them against
// `npm start`: the four services as separate processes, talking only through Kafka and HTTP.
const ADMIN_SCOPES =
  'extapps.apps.read extapps.apps.write extapps.permissions.read extapps.permissions.write extapps.audit.read';
let stack: Stack;
let adminToken: string;
const apps = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call(`${stack.urls.registration}${path}`, adminToken, method, body, headers);
const permissions = (method: string, path: string, body?: unknown) =>
  call(`${stack.urls.permissions}${path}`, adminToken, method, body);
const audit = (path: string) => call(`${stack.urls.audit}${path}`, adminToken, 'GET');

async function registerRobot(name: string) {
  const created = await apps('POST', '/v1/apps', {
    name: `${name} ${stack.run}`,
    type: 'confidential',
    applicationScopes: ['OR.Jobs'],
  });
  expect(created.status).toBe(201);
  return {
    id: created.body.client_id as string,
    secret: created.body.client_secret as string,
    secretId: created.body.secret.secretId as string,
  };
}

beforeAll(async () => {
  stack = await startStack();
  adminToken = await eventuallyToken(stack, stack.adminId, stack.adminSecret, ADMIN_SCOPES);
}, 300_000);

afterAll(() => stack?.stop());

describe('the stack, as the README walks through it', () => {
  it('bootstrap admin token → register an app → its token → rotate its secret', async () => {
    const robot = await registerRobot('Billing robot');
    const appToken = await eventuallyToken(stack, robot.id, robot.secret, 'OR.Jobs');
    const claims = JSON.parse(Buffer.from(appToken.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ sub: robot.id, client_id: robot.id, aud: 'OrchestratorApi' });
    // The token service's TokenIssued reaches the registration service as the secret's last use.
    await waitUntil(
      async () => {
        const [secret] = (await apps('GET', `/v1/apps/${robot.id}`)).body.secrets;
        return secret?.lastUsedAt !== null && secret?.lastUsedAt !== undefined;
      },
      { timeoutMs: 20_000, intervalMs: 200, describe: () => "the secret's last use never showed" },
    );

    const added = await apps('POST', `/v1/apps/${robot.id}/secrets`, { description: 'rotation' });
    expect(added.status).toBe(201);
    expect((await apps('DELETE', `/v1/apps/${robot.id}/secrets/${robot.secretId}`)).status).toBe(
      200,
    );

    await eventuallyToken(stack, robot.id, added.body.client_secret, 'OR.Jobs');
    await waitUntil(
      async () => (await tokenFor(stack, robot.id, robot.secret, 'OR.Jobs')).status === 401,
      {
        timeoutMs: 20_000,
        intervalMs: 100,
        describe: () => 'the revoked secret is still honoured',
      },
    );
  });

  it('a role on a folder, learnt through Kafka, grants below it until the app is disabled', async () => {
    const tenant = await permissions('POST', '/v1/tenants', { name: `Acme ${stack.run}` });
    expect(tenant.status).toBe(201);
    const folders = `/v1/tenants/${tenant.body.tenantId}/folders`;
    const finance = await permissions('POST', folders, { name: 'Finance' });
    const payroll = await permissions('POST', folders, {
      name: 'Payroll',
      parentId: finance.body.folderId,
    });
    expect([finance.status, payroll.status]).toEqual([201, 201]);
    const robot = await registerRobot('Payroll robot');

    const assignment = {
      principal: { type: 'app', id: robot.id },
      roleId: 'builtin.automation-user',
      tenantId: tenant.body.tenantId,
      folderId: finance.body.folderId,
    };
    let assigned = await permissions('POST', '/v1/assignments', assignment);
    await waitUntil(
      async () => {
        if (assigned.status !== 404) return true; // unknown-principal until Kafka brought the app
        assigned = await permissions('POST', '/v1/assignments', assignment);
        return false;
      },
      { timeoutMs: 20_000, intervalMs: 100, describe: () => JSON.stringify(assigned.body) },
    );
    expect(assigned.status).toBe(201);

    const check = {
      principal: { type: 'app', id: robot.id },
      permission: 'Jobs.Create',
      tenant: tenant.body.tenantId,
      folder: payroll.body.folderId,
    };
    expect((await permissions('POST', '/v1/check', check)).body).toEqual({
      allowed: true,
      grantedBy: {
        assignmentId: assigned.body.assignmentId,
        roleId: 'builtin.automation-user',
        roleName: expect.any(String),
        tenantId: tenant.body.tenantId,
        folderId: finance.body.folderId,
      },
    });

    expect((await apps('POST', `/v1/apps/${robot.id}/disable`)).status).toBe(200);
    let denied: unknown;
    await waitUntil(
      async () => {
        denied = (await permissions('POST', '/v1/check', check)).body;
        return (denied as { allowed: boolean }).allowed === false;
      },
      { timeoutMs: 5_000, intervalMs: 50, describe: () => `still ${JSON.stringify(denied)}` },
    );
    expect(denied).toMatchObject({ allowed: false, reason: { code: 'principal-disabled' } });
  });

  it("an app's rename shows in the audit trail with before and after within 1 s", async () => {
    const robot = await registerRobot('Audited robot');
    const records = (action: string) =>
      audit(`/v1/audit/records?targetApp=${robot.id}&action=${action}`);
    // Audit has caught up with this app before the clock starts.
    await waitUntil(async () => (await records('app.registered')).body.items.length === 1, {
      timeoutMs: 20_000,
      intervalMs: 100,
      describe: () => 'the registration never reached the audit trail',
    });

    const renamed = await apps(
      'PATCH',
      `/v1/apps/${robot.id}`,
      { name: `Audited robot (EU) ${stack.run}` },
      { 'if-match': '*' },
    );
    expect(renamed.status).toBe(200);
    const answeredAt = Date.now();
    let items: unknown[] = [];
    await waitUntil(
      async () => {
        items = (await records('app.renamed')).body.items;
        return items.length > 0;
      },
      { timeoutMs: 10_000, intervalMs: 50, describe: () => 'the rename never showed' },
    );
    expect(Date.now() - answeredAt).toBeLessThan(1000);
    expect(items).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ type: 'app', id: stack.adminId }),
        target: expect.objectContaining({ type: 'app', id: robot.id }),
        changes: {
          before: { name: `Audited robot ${stack.run}` },
          after: { name: `Audited robot (EU) ${stack.run}` },
        },
      }),
    ]);
  });

  it('a token request with a wrong secret is exactly one failed authentication record', async () => {
    const robot = await registerRobot('Mistyped robot');
    await eventuallyToken(stack, robot.id, robot.secret, 'OR.Jobs'); // the token service knows it
    const wrong = await tokenFor(stack, robot.id, `${robot.secret.slice(0, -4)}AAAA`, 'OR.Jobs');
    expect(wrong.status).toBe(401);

    const failures = async () =>
      (await audit(`/v1/audit/records?targetApp=${robot.id}&action=client.authentication-failed`))
        .body.items as { outcome: unknown }[];
    await waitUntil(async () => (await failures()).length > 0, {
      timeoutMs: 20_000,
      intervalMs: 100,
      describe: () => 'the failed authentication never reached the audit trail',
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a second record would show by now
    const found = await failures();
    expect(found).toHaveLength(1);
    expect(found[0]?.outcome).toEqual({ status: 'failure', reason: 'wrong-secret' });
  });

  it('the audit trail verifies as intact, with its signing key published', async () => {
    const verified = await audit('/v1/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'intact' });
    expect(verified.body.records).toBeGreaterThan(0);
    const keys = await fetch(`${stack.urls.audit}/v1/audit/keys`);
    expect(((await keys.json()) as { keys: unknown[] }).keys).toEqual([
      expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' }),
    ]);
  });
});
