import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@extapps/platform';
import { configSchema } from '../../config';

const base = { KAFKA_BROKERS: 'localhost:9092', MONGO_URL: 'mongodb://localhost:27017/' };
const dir = mkdtempSync(join(tmpdir(), 'permissions-config-'));

function startUpError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(configSchema, { ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('role settings', () => {
  it('given no PERMISSION_CATALOG_FILE, then none (the default catalog) and the default reactions group', () => {
    expect(loadConfig(configSchema, base)).toMatchObject({
      PERMISSION_CATALOG_FILE: null,
      REACTIONS_CONSUMER_GROUP: 'permissions.reactions',
    });
  });

  it('given a valid catalog file, then it is read at start-up', () => {
    const path = join(dir, 'catalog.json');
    const permissions = [{ name: 'Robots.View', description: 'see robots' }];
    writeFileSync(path, JSON.stringify({ permissions }));
    expect(loadConfig(configSchema, { ...base, PERMISSION_CATALOG_FILE: path })).toMatchObject({
      PERMISSION_CATALOG_FILE: { path, catalog: { permissions } },
    });
  });

  it('given an invalid catalog file, then start-up stops naming the setting and the entry', () => {
    const path = join(dir, 'invalid.json');
    writeFileSync(path, JSON.stringify({ permissions: [{ name: 'robots', description: 'x' }] }));
    const error = startUpError({ PERMISSION_CATALOG_FILE: path });
    expect(error.issues).toEqual([
      {
        setting: 'PERMISSION_CATALOG_FILE',
        reason: expect.stringContaining('is not a valid permission catalog: permissions.0.name'),
      },
    ]);
  });

  it('given a malformed reactions group, then start-up stops naming it', () => {
    const error = startUpError({ REACTIONS_CONSUMER_GROUP: 'no spaces' });
    expect(error.issues.map((i) => i.setting)).toEqual(['REACTIONS_CONSUMER_GROUP']);
  });
});
