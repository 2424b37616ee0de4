import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tcpOpen } from '../docker-engine';

const FIXTURE = join(__dirname, 'testing', 'multi-project-fixture.ts');

/** Runs the fixture in a clean process, as a jest run without exported servers would start. */
async function runFixture(): Promise<{
  stdout: string;
  result: Record<string, Record<string, string> | string>;
}> {
  const env: NodeJS.ProcessEnv = { ...process.env, EXTAPPS_INFRA: 'local' };
  delete env['KAFKA_BROKERS'];
  delete env['MONGO_URL'];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', FIXTURE],
    { env, timeout: 120_000 },
  );
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`fixture printed no result:\n${stdout}`);
  return { stdout, result: JSON.parse(line.slice('RESULT '.length)) };
}

describe('jest global setup', () => {
  it('starts the servers once per run, exports them, and the teardown of that setup stops them', async () => {
    const { stdout, result } = await runFixture();
    const first = result['first'] as Record<string, string>;

    expect(stdout.match(/\[infra\] provider=local/g)).toHaveLength(1);
    expect(first['KAFKA_BROKERS']).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(first['MONGO_URL']).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    expect(result['second']).toEqual(first);
    // Anything in the workers that resolves again lands on the exported servers.
    expect(result['infra']).toBe('env');
    const [host, port] = first['KAFKA_BROKERS'].split(':');
    expect(await tcpOpen(host, Number(port), 500)).toBe(false);
    expect(await tcpOpen('127.0.0.1', Number(new URL(first['MONGO_URL']).port), 500)).toBe(false);
  });

  it('exported the servers of this run to the test workers', () => {
    expect(process.env['KAFKA_BROKERS']).toMatch(/^[^,\s]+:\d+/);
    expect(process.env['MONGO_URL']).toMatch(/^mongodb(\+srv)?:\/\//);
  });
});
