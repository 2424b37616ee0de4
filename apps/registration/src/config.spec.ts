import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RESOURCE_CATALOG, generateClientSecret } from '@extapps/contracts';
import { ConfigError, loadConfig } from '@extapps/platform';
import { configSchema } from './config';

const base = { KAFKA_BROKERS: 'localhost:9092', MONGO_URL: 'mongodb://localhost:27017/' };
const dir = mkdtempSync(join(tmpdir(), 'registration-config-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function issues(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig(configSchema, { ...base, ...env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Object.fromEntries(error.issues.map((i) => [i.setting, i.reason]));
  }
  throw new Error('expected a ConfigError');
}

describe('registration settings', () => {
  it('defaults: the token service on localhost, the admin audience, no catalog file, no bootstrap secret', () => {
    expect(loadConfig(configSchema, base)).toMatchObject({
      AUTH_ISSUER: 'http://localhost:3002',
      AUTH_AUDIENCE: 'ExtAppsAdminApi',
      RESOURCE_CATALOG_FILE: null,
      BOOTSTRAP_ADMIN_CLIENT_ID: 'extapps-admin',
      BOOTSTRAP_ADMIN_CLIENT_SECRET: null,
    });
  });

  it('reads and validates RESOURCE_CATALOG_FILE at load', () => {
    const path = file('catalog.json', JSON.stringify(DEFAULT_RESOURCE_CATALOG));

    expect(loadConfig(configSchema, { ...base, RESOURCE_CATALOG_FILE: path })).toMatchObject({
      RESOURCE_CATALOG_FILE: { path, catalog: DEFAULT_RESOURCE_CATALOG },
    });
  });

  it.each([
    ['a missing file', join(dir, 'missing.json'), /cannot read .*ENOENT/],
    ['not JSON', file('bad.json', '{'), /is not valid JSON/],
    [
      'an invalid catalog',
      file('empty.json', '{"resources":[]}'),
      /not a valid resource catalog: resources/,
    ],
  ])('stops on %s, naming RESOURCE_CATALOG_FILE', (_case, path, reason) => {
    expect(issues({ RESOURCE_CATALOG_FILE: path })['RESOURCE_CATALOG_FILE']).toMatch(reason);
  });

  it('accepts a well-formed BOOTSTRAP_ADMIN_CLIENT_SECRET', () => {
    const { secret } = generateClientSecret();

    expect(
      loadConfig(configSchema, { ...base, BOOTSTRAP_ADMIN_CLIENT_SECRET: secret })
        .BOOTSTRAP_ADMIN_CLIENT_SECRET,
    ).toBe(secret);
  });

  it('refuses a malformed secret, saying how to make one and never repeating it', () => {
    const { secret } = generateClientSecret();
    const broken = `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;

    const reason = issues({ BOOTSTRAP_ADMIN_CLIENT_SECRET: broken })[
      'BOOTSTRAP_ADMIN_CLIENT_SECRET'
    ];
    expect(reason).toMatch(/npx nx run registration:new-secret/);
    expect(reason).not.toContain(broken.slice(11, 30));
  });

  it('refuses a BOOTSTRAP_ADMIN_CLIENT_ID no app could have', () => {
    expect(issues({ BOOTSTRAP_ADMIN_CLIENT_ID: 'my admin' })).toHaveProperty(
      'BOOTSTRAP_ADMIN_CLIENT_ID',
    );
  });
});
