import { ConfigError, loadConfig } from '@extapps/platform';
import { configSchema } from './config';

const base = { KAFKA_BROKERS: 'localhost:9092', MONGO_URL: 'mongodb://localhost:27017/' };

function issues(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig(configSchema, { ...base, ...env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Object.fromEntries(error.issues.map((i) => [i.setting, i.reason]));
  }
  throw new Error('expected a ConfigError');
}

describe('permissions settings', () => {
  it('defaults: port 3003, the token service on localhost, the admin audience, store and tree limits', () => {
    expect(loadConfig(configSchema, base)).toMatchObject({
      PORT: 3003,
      AUTH_ISSUER: 'http://localhost:3002',
      AUTH_AUDIENCE: 'ExtAppsAdminApi',
      OUTBOX_POLL_INTERVAL_MS: 500,
      SNAPSHOT_EVERY: 50,
      FOLDER_MAX_DEPTH: 20,
      TENANT_MAX_FOLDERS: 20_000,
    });
  });

  it('reads the tenant limits, holding them to their bounds', () => {
    expect(
      loadConfig(configSchema, { ...base, FOLDER_MAX_DEPTH: '5', TENANT_MAX_FOLDERS: '10000' }),
    ).toMatchObject({ FOLDER_MAX_DEPTH: 5, TENANT_MAX_FOLDERS: 10_000 });
    expect(issues({ FOLDER_MAX_DEPTH: '0', TENANT_MAX_FOLDERS: '50001' })).toEqual({
      FOLDER_MAX_DEPTH: expect.stringContaining('1-100'),
      TENANT_MAX_FOLDERS: expect.stringContaining('1-50000'),
    });
  });

  it('refuses a snapshot interval or poll interval out of range', () => {
    expect(issues({ SNAPSHOT_EVERY: '0', OUTBOX_POLL_INTERVAL_MS: '5' })).toEqual({
      SNAPSHOT_EVERY: expect.stringContaining('1-10000'),
      OUTBOX_POLL_INTERVAL_MS: expect.stringContaining('10-60000'),
    });
  });

  it('refuses an issuer that is not an http(s) URL', () => {
    expect(issues({ AUTH_ISSUER: 'ftp://tokens' })).toEqual({
      AUTH_ISSUER: expect.stringContaining('http(s) URL'),
    });
  });
});
