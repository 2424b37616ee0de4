import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongoTestDatabase } from '@extapps/event-store/testing';
import { recordsFrom } from '../chain/testing/audit-records';
import { freshChainFixture } from '../chain/testing/chain-fixture';
import { testSigningKeyPem } from '../chain/testing/signing-keys';
import { Keyring } from '../checkpoints/keyring';
import { parseSigningKey } from '../checkpoints/signing-key';

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as `nx run audit:verify` does. */
function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/audit/src/cli/verify.ts', ...args],
      { env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const connection = mongoTestDatabase('audit-verify-cli');

describe('the verify CLI (real MongoDB-wire)', () => {
  const pem = testSigningKeyPem();
  const parsed = parseSigningKey(pem);
  if (!parsed.ok) throw new Error(parsed.reason);
  const keyring = new Keyring(parsed.value);

  async function chained() {
    const f = await freshChainFixture(connection(), { keyring });
    await f.ingest(recordsFrom('2026-03-01T10:00:00.000Z', 4));
    await f.chainAll();
    const database = {
      MONGO_URL: String(process.env['MONGO_URL']),
      MONGO_DB: connection().name,
      AUDIT_SIGNING_KEY: '',
      AUDIT_RETIRED_PUBLIC_KEYS: '',
    };
    return { f, database };
  }

  it('given an intact chain and the signing key, then it prints the report and exits 0', async () => {
    const { database } = await chained();

    const run = await runCli([], { ...database, AUDIT_SIGNING_KEY: pem.replace(/\n/g, '\\n') });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'intact',
      records: 4,
      head: { seq: 4 },
    });
  }, 60_000);

  it('given a deleted record and only the public JWKS, then it names the broken link and exits 2', async () => {
    const { f, database } = await chained();
    await f.raw.records().deleteOne({ _id: 2 });
    const jwks = join(await mkdtemp(join(tmpdir(), 'audit-jwks-')), 'jwks.json');
    await writeFile(jwks, JSON.stringify(keyring.jwks()));

    const run = await runCli(['--jwks', jwks], database);

    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'broken',
      brokenLink: { kind: 'deleted-record', seq: 2 },
    });
    expect(run.stdout + run.stderr).not.toContain('PRIVATE KEY');
  }, 60_000);

  it('given no key at all, then it fails with exit code 1 and says what is missing', async () => {
    const { database } = await chained();

    const run = await runCli([], database);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no keys to verify checkpoints with');
  }, 60_000);
});
