import { ConfigError, loadConfig } from '@extapps/platform';
import { testSigningKeyPem } from './chain/testing/signing-keys';
import { configSchema } from './config';

const base = {
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://localhost:27017/',
  AUDIT_SIGNING_KEY: testSigningKeyPem(),
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

describe('audit settings', () => {
  it('defaults: port 3004, its own database, the token service on localhost, group audit.ingestion', () => {
    expect(loadConfig(configSchema, base)).toMatchObject({
      PORT: 3004,
      MONGO_DB: 'extapps_audit',
      AUTH_ISSUER: 'http://localhost:3002',
      AUTH_AUDIENCE: 'ExtAppsAdminApi',
      INGESTION_GROUP_ID: 'audit.ingestion',
    });
  });

  it('takes a consumer group of its own, e.g. a second audit deployment', () => {
    const config = loadConfig(configSchema, { ...base, INGESTION_GROUP_ID: 'audit.eu-1_b' });

    expect(config.INGESTION_GROUP_ID).toBe('audit.eu-1_b');
  });

  it.each(['audit ingestion', 'audit/ingestion', 'x'.repeat(151)])(
    'refuses the group id %j, which Kafka or a dead-letter topic name could not hold',
    (groupId) => {
      expect(issues({ INGESTION_GROUP_ID: groupId })['INGESTION_GROUP_ID']).toMatch(
        /^expected 1-150 letters, digits/,
      );
    },
  );
});
