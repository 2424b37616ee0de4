import { inspect } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '@extapps/platform';
import { configSchema } from '../config';
import { EncryptionKey, parseEncryptionKey } from './encryption-key';

const bytes = randomBytes(32);
const base = { KAFKA_BROKERS: 'localhost:9092', MONGO_URL: 'mongodb://localhost:27017' };
const env = { ...base, SIGNING_KEY_ENCRYPTION_KEY: bytes.toString('base64') };

function reasonFor(overrides: Record<string, string | undefined>): string {
  try {
    loadConfig(configSchema, { ...env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('SIGNING_KEY_ENCRYPTION_KEY', () => {
  it.each([
    ['base64', bytes.toString('base64')],
    ['base64 without padding', bytes.toString('base64').replace(/=+$/, '')],
    ['base64url', bytes.toString('base64url')],
  ])('accepts 32 bytes in %s, as the same key', (_case, raw) => {
    const parsed = parseEncryptionKey(raw);
    expect(parsed.ok && parsed.value.material.equals(bytes)).toBe(true);
    expect(parsed.ok && parsed.value.id).toBe(EncryptionKey.fromBytes(bytes).id);
  });

  it('is required, and the message says what to set', () => {
    expect(reasonFor({ SIGNING_KEY_ENCRYPTION_KEY: undefined })).toContain(
      'SIGNING_KEY_ENCRYPTION_KEY: required: the key that encrypts the signing keys, e.g. the output of `openssl rand -base64 32`',
    );
    expect(reasonFor({ SIGNING_KEY_ENCRYPTION_KEY: ' ' })).toContain(
      'SIGNING_KEY_ENCRYPTION_KEY: required',
    );
  });

  it('refuses a key of another length, without repeating it', () => {
    const short = randomBytes(16).toString('base64');
    const message = reasonFor({ SIGNING_KEY_ENCRYPTION_KEY: short });
    expect(message).toContain(
      'SIGNING_KEY_ENCRYPTION_KEY: decodes to 16 bytes; expected exactly 32',
    );
    expect(message).not.toContain(short);
  });

  it.each([
    ['not base64', 'this is not a key!'],
    ['non-canonical base64', `${bytes.toString('base64url').slice(0, -1)}/`],
  ])('refuses %s', (_case, raw) => {
    expect(reasonFor({ SIGNING_KEY_ENCRYPTION_KEY: raw })).toContain(
      'SIGNING_KEY_ENCRYPTION_KEY: is not base64 or base64url',
    );
  });

  it('never shows the key when the config is logged or inspected', () => {
    const config = loadConfig(configSchema, env);
    const shown = [JSON.stringify(config), inspect(config)].join('\n');
    expect(shown).not.toContain(bytes.toString('base64').slice(0, 20));
    expect(shown).not.toContain(bytes.toString('hex').slice(0, 20));
    expect(JSON.stringify(config.SIGNING_KEY_ENCRYPTION_KEY)).toBe(
      JSON.stringify(`[encryption key ${config.SIGNING_KEY_ENCRYPTION_KEY.id}]`),
    );
  });
});

describe('SIGNING_KEY_ROTATION_HOURS and SIGNING_KEY_REFRESH_SECONDS', () => {
  it('default to 30 days and one minute', () => {
    const config = loadConfig(configSchema, env);
    expect(config.SIGNING_KEY_ROTATION_HOURS).toBe(720);
    expect(config.SIGNING_KEY_REFRESH_SECONDS).toBe(60);
  });

  it.each([
    ['SIGNING_KEY_ROTATION_HOURS', '1'],
    ['SIGNING_KEY_ROTATION_HOURS', '8761'],
    ['SIGNING_KEY_REFRESH_SECONDS', '0'],
    ['SIGNING_KEY_REFRESH_SECONDS', '601'],
  ])('refuses %s=%s', (setting, value) => {
    expect(reasonFor({ [setting]: value })).toContain(`${setting}: expected an integer`);
  });
});
