// `npx nx run audit:verify [-- --jwks <file or URL>]`: verifies the audit chain in MongoDB and
// prints the report (JSON) on stdout. Exit code 0: intact; 2: broken (the report names the first
// broken link); 1: could not verify (configuration, MongoDB, keys).
//
// Reads MONGO_URL and MONGO_DB like the service. The keys that checkpoints must verify against:
// `--jwks` (public keys only: a JWKS file, or a URL such as the service's /v1/audit/keys; a copy
// kept apart from the service is the stronger check), else the public halves of AUDIT_SIGNING_KEY
// and AUDIT_RETIRED_PUBLIC_KEYS.
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { systemClock } from '@extapps/contracts';
import { connectMongo } from '@extapps/mongo';
import { baseConfigSchema, loadConfig, setting } from '@extapps/platform';
import { ChainStore } from '../chain/chain-store';
import { tamperEvidenceSettings } from '../chain/tamper-evidence.settings';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { Keyring } from '../checkpoints/keyring';
import { parsePublicKeySet, parseSigningKey, SigningKey } from '../checkpoints/signing-key';
import { SERVICE_NAME } from '../config';
import { ChainVerifier } from '../verify/chain-verifier';

const cliSchema = baseConfigSchema({ name: SERVICE_NAME, defaultPort: 3004 })
  .pick({ MONGO_URL: true, MONGO_DB: true })
  .extend({
    AUDIT_SIGNING_KEY: setting<SigningKey | null>(parseSigningKey, null),
    AUDIT_RETIRED_PUBLIC_KEYS: tamperEvidenceSettings.AUDIT_RETIRED_PUBLIC_KEYS,
  });

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { jwks: { type: 'string' } }, strict: true });
  const config = loadConfig(cliSchema);
  const keyring = values.jwks
    ? new Keyring(null, await readJwks(values.jwks))
    : new Keyring(config.AUDIT_SIGNING_KEY, config.AUDIT_RETIRED_PUBLIC_KEYS);
  if (keyring.jwks().keys.length === 0)
    throw new Error('no keys to verify checkpoints with: pass --jwks or set AUDIT_SIGNING_KEY');
  const connection = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB });
  try {
    const verifier = new ChainVerifier({
      chain: new ChainStore(connection, () => systemClock.now()),
      checkpoints: new CheckpointStore(connection),
      keyring,
      clock: systemClock,
    });
    const report = await verifier.verify();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.status === 'intact' ? 0 : 2;
  } finally {
    await connection.close();
  }
}

async function readJwks(source: string) {
  const text = /^https?:\/\//.test(source)
    ? await fetchText(source)
    : await readFile(source, 'utf8');
  const parsed = parsePublicKeySet(text);
  if (!parsed.ok) throw new Error(`--jwks ${source}: ${parsed.reason}`);
  return parsed.value;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`--jwks ${url}: HTTP ${response.status}`);
  return response.text();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[verify] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
