import { AdminScopes, generateClientSecret } from '@extapps/contracts';
import { eventually } from '@extapps/testing';
import { BootstrapAdminService } from '../bootstrap/bootstrap-admin.service';
import { withRawDb } from './testing/raw-db';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';

const CLIENT_ID = 'e2e-admin-app';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('the bootstrap admin app (real Kafka and MongoDB)', () => {
  const first = generateClientSecret().secret;
  const second = generateClientSecret().secret;
  let stack: RegistrationStack;

  beforeAll(async () => {
    stack = await startRegistrationStack({
      BOOTSTRAP_ADMIN_CLIENT_ID: CLIENT_ID,
      BOOTSTRAP_ADMIN_CLIENT_SECRET: first,
    });
  });
  afterAll(() => stack?.close());

  const storedEvents = () =>
    withRawDb(stack.env, (db) =>
      db.collection('events').find({ streamId: CLIENT_ID }).sort({ streamVersion: 1 }).toArray(),
    );
  const app = () =>
    eventually(async () => {
      const response = await stack.reader.get(`/v1/apps/${CLIENT_ID}`);
      expect(response.status).toBe(200);
      return response.body;
    });

  it('is registered on first start by the system, with every admin application scope', async () => {
    const registered = await app();

    expect(registered).toMatchObject({
      type: 'confidential',
      status: 'active',
      version: 1,
      createdBy: { type: 'system', id: 'bootstrap' },
      secrets: [{ id: 'bootstrap', status: 'active' }],
    });
    expect(registered.applicationScopes.map((g: { scope: string }) => g.scope).sort()).toEqual(
      Object.values(AdminScopes).sort(),
    );
  });

  /** Resolves once the restarted service's bootstrap run is over. */
  const bootstrapDone = () => stack.service.app.get(BootstrapAdminService).ready();

  it('is not registered again on restart', async () => {
    await stack.restart();
    await bootstrapDone();

    expect((await storedEvents()).map((e) => e['type'])).toEqual(['ExternalAppRegistered']);
  });

  it('adds a changed secret on restart, keeping the old one', async () => {
    await stack.restart({ BOOTSTRAP_ADMIN_CLIENT_SECRET: second });
    await bootstrapDone();

    expect((await storedEvents()).map((e) => e['type'])).toEqual([
      'ExternalAppRegistered',
      'SecretAdded',
    ]);
    const secrets = (await app()).secrets as { id: string; status: string }[];
    expect(secrets.map((s) => s.status)).toEqual(['active', 'active']);
  });

  it('never writes the configured secret to the log or the store', async () => {
    const stored = JSON.stringify(await storedEvents());
    const logged = JSON.stringify(stack.service.logs.lines());

    for (const secret of [first, second]) {
      expect(stored).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
  });
});
