import { spawn } from 'node:child_process';
import { SERVICE_CONFIG } from '@extapps/platform';
import { eventually, uniqueName } from '@extapps/testing';
import { TokenConfig } from '../../config';
import { useUsersApi } from '../testing/users-e2e';

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as `nx run token:create-user` does, on the running service's database. */
function runCli(args: string[], env: Record<string, string>, stdin = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/token/src/users/cli/create-user.ts', ...args],
      { env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('create-user CLI (real MongoDB, events relayed by the running service)', () => {
  const api = useUsersApi();
  const database = () => {
    const config = api.t.service().app.get<TokenConfig>(SERVICE_CONFIG);
    return { MONGO_URL: config.MONGO_URL, MONGO_DB: config.MONGO_DB, LOG_LEVEL: 'error' };
  };
  const newName = () =>
    uniqueName('cli')
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-');

  it('creates a user with the password from the environment, and records UserCreated', async () => {
    const username = newName();
    const run = await runCli(['--username', username, '--display-name', 'First Admin'], {
      ...database(),
      CREATE_USER_PASSWORD: 'rabbit-hole-1865',
    });
    expect(run).toMatchObject({ code: 0 });
    const created = JSON.parse(run.stdout) as { userId: string };
    expect(created).toMatchObject({ username, displayName: 'First Admin', version: 1 });
    const token = await api.tokenOf(api.reader);
    const read = await api.call('GET', `/v1/users/${created.userId}`, { token });
    expect(read).toMatchObject({ status: 200, body: { username, status: 'active' } });
    const [event] = await eventually(() => {
      const events = api.topic.eventsOf(created.userId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(event).toMatchObject({
      type: 'UserCreated',
      streamVersion: 1,
      actor: { type: 'system', id: 'create-user-cli' },
    });
    expect(run.stdout + run.stderr + JSON.stringify(event)).not.toContain('rabbit-hole-1865');
  });

  it('reads the password from stdin when the environment has none', async () => {
    const username = newName();
    const run = await runCli(
      ['--username', username, '--display-name', 'Second Admin'],
      { ...database(), CREATE_USER_PASSWORD: '' },
      'looking-glass-1871\n',
    );
    expect(run).toMatchObject({ code: 0 });
    expect(JSON.parse(run.stdout)).toMatchObject({ username });
  });

  it('fails with the broken rule and exit code 1 for a weak password, storing nothing', async () => {
    const username = newName();
    const run = await runCli(['--username', username, '--display-name', 'Weak'], {
      ...database(),
      CREATE_USER_PASSWORD: 'short',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('password: must be at least 12 characters long');
    expect(run.stderr).not.toContain('short');
    const token = await api.tokenOf(api.reader);
    const list = await api.call('GET', '/v1/users?limit=100', { token });
    expect(JSON.stringify(list.body)).not.toContain(username);
  });
});
