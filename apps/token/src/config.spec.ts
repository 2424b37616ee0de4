import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RESOURCE_CATALOG } from '@extapps/contracts';
import { ConfigError, loadConfig } from '@extapps/platform';
import { configSchema } from './config';
import { signingKeyTestEnv } from './keys/testing/signing-key-env';

const env = {
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://localhost:27017',
  ...signingKeyTestEnv(),
};

function issuesOf(overrides: Record<string, string>): readonly string[] {
  try {
    loadConfig(configSchema, { ...env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => i.setting);
    throw error;
  }
  return [];
}

describe('token service settings', () => {
  it('defaults ISSUER to the local token service and tokens to one hour', () => {
    const config = loadConfig(configSchema, env);
    expect(config.ISSUER).toBe('http://localhost:3002');
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(3600);
  });

  it('keeps an issuer with a path exactly as written', () => {
    expect(
      loadConfig(configSchema, { ...env, ISSUER: 'https://id.example.com/tenant-a' }).ISSUER,
    ).toBe('https://id.example.com/tenant-a');
  });

  it.each([
    ['not a URL', 'id.example.com'],
    ['another scheme', 'ftp://id.example.com'],
    ['a query', 'https://id.example.com?x=1'],
    ['a fragment', 'https://id.example.com#x'],
    ['credentials', 'https://user:pw@id.example.com'],
    ['a trailing slash', 'https://id.example.com/'],
  ])('refuses an ISSUER with %s', (_case, ISSUER) => {
    expect(issuesOf({ ISSUER })).toEqual(['ISSUER']);
  });

  it('refuses a token lifetime of 0 or over a day', () => {
    expect(issuesOf({ ACCESS_TOKEN_TTL_SECONDS: '0' })).toEqual(['ACCESS_TOKEN_TTL_SECONDS']);
    expect(issuesOf({ ACCESS_TOKEN_TTL_SECONDS: '86401' })).toEqual(['ACCESS_TOKEN_TTL_SECONDS']);
  });

  it('reads a RESOURCE_CATALOG_FILE, the catalog of the consent page and scopes_supported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-catalog-'));
    const path = join(dir, 'catalog.json');
    writeFileSync(path, JSON.stringify(DEFAULT_RESOURCE_CATALOG));
    const config = loadConfig(configSchema, { ...env, RESOURCE_CATALOG_FILE: path });
    expect(config.RESOURCE_CATALOG_FILE?.catalog).toEqual(DEFAULT_RESOURCE_CATALOG);
    writeFileSync(path, '{"resources": 1}');
    expect(issuesOf({ RESOURCE_CATALOG_FILE: path })).toEqual(['RESOURCE_CATALOG_FILE']);
    expect(issuesOf({ RESOURCE_CATALOG_FILE: join(dir, 'missing.json') })).toEqual([
      'RESOURCE_CATALOG_FILE',
    ]);
  });
});
