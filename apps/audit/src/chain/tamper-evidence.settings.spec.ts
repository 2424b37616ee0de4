import { ConfigError, loadConfig } from '@extapps/platform';
import { z } from 'zod';
import { tamperEvidenceSettings } from './tamper-evidence.settings';
import { testSigningKeyPem } from './testing/signing-keys';

const schema = z.object(tamperEvidenceSettings);

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('tamper evidence settings', () => {
  it('given only a signing key, then the defaults apply', () => {
    const config = loadConfig(schema, { AUDIT_SIGNING_KEY: testSigningKeyPem() });

    expect(config).toMatchObject({
      AUDIT_SIGNING_KEY: { alg: 'EdDSA' },
      AUDIT_RETIRED_PUBLIC_KEYS: [],
      AUDIT_CHAIN_POLL_INTERVAL_MS: 150,
      AUDIT_CHAIN_BATCH_SIZE: 1_000,
      AUDIT_CHECKPOINT_EVERY_RECORDS: 1_000,
      AUDIT_CHECKPOINT_EVERY_MS: 60_000,
      AUDIT_RETENTION_DAYS: 0,
      AUDIT_RETENTION_INTERVAL_MS: 3_600_000,
    });
  });

  it('given no signing key, then start-up fails saying what to provide', () => {
    expect(configError({}).issues).toEqual([
      {
        setting: 'AUDIT_SIGNING_KEY',
        reason: expect.stringMatching(
          /^required: an Ed25519 .*`openssl genpkey -algorithm ed25519`/,
        ),
      },
    ]);
  });

  it('given a broken key, then the message explains without repeating the value', () => {
    const pem = testSigningKeyPem();
    const broken = pem.replace(/[A-Za-z0-9+/]{20}/, 'A'.repeat(20));

    const error = configError({ AUDIT_SIGNING_KEY: broken.slice(0, 80) });

    expect(error.issues[0]).toMatchObject({ setting: 'AUDIT_SIGNING_KEY' });
    expect(error.message).toContain('expected an Ed25519 or P-256 private key');
    expect(error.message).not.toContain(broken.slice(28, 60));
  });
});
