import { z } from 'zod';
import { baseConfigSchema } from './base-config';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const schema = baseConfigSchema({ name: 'registration', defaultPort: 3001 });
const valid = {
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://localhost:27017/',
};

function issuesOf(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Object.fromEntries(error.issues.map((i) => [i.setting, i.reason]));
  }
  throw new Error('expected a ConfigError');
}

describe('baseConfigSchema', () => {
  it('applies the defaults, per service where they depend on it', () => {
    expect(loadConfig(schema, valid)).toEqual({
      PORT: 3001,
      HOST: '0.0.0.0',
      KAFKA_BROKERS: ['localhost:9092'],
      MONGO_URL: 'mongodb://localhost:27017/',
      MONGO_DB: 'extapps_registration',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      BODY_LIMIT_BYTES: 1_048_576,
    });
    expect(loadConfig(baseConfigSchema({ name: 'audit', defaultPort: 3004 }), valid)).toMatchObject(
      {
        PORT: 3004,
        MONGO_DB: 'extapps_audit',
      },
    );
  });

  it('reads every setting from the environment, treating blank as unset', () => {
    const config = loadConfig(schema, {
      ...valid,
      PORT: ' 8080 ',
      HOST: '127.0.0.1',
      MONGO_DB: 'other',
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: '2500',
      BODY_LIMIT_BYTES: '',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      MONGO_DB: 'other',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      SHUTDOWN_TIMEOUT_MS: 2500,
      BODY_LIMIT_BYTES: 1_048_576,
    });
  });

  it('names every bad setting and why, in one error', () => {
    const env = {
      PORT: 'abc',
      MONGO_URL: 'http://db',
      LOG_LEVEL: 'loud',
      SHUTDOWN_TIMEOUT_MS: '-1',
      HOST: 'a b',
    };
    expect(issuesOf(env)).toEqual({
      PORT: 'expected an integer 1-65535, got "abc"',
      HOST: 'expected a host name or IP address, got "a b"',
      KAFKA_BROKERS: 'required',
      MONGO_URL: 'expected a mongodb:// or mongodb+srv:// URL with at least one host',
      LOG_LEVEL: 'expected one of fatal|error|warn|info|debug|trace, got "loud"',
      SHUTDOWN_TIMEOUT_MS: 'expected an integer 1-600000, got "-1"',
    });
  });

  it('formats the message as one line per setting', () => {
    expect(() => loadConfig(schema, { ...valid, PORT: '70000', MONGO_DB: 'a/b' })).toThrow(
      'Invalid configuration:\n' +
        '  - PORT: expected an integer 1-65535, got "70000"\n' +
        '  - MONGO_DB: expected a MongoDB database name (1-63 chars, none of /\\. "$*<>:|?), got "a/b"',
    );
  });

  it('never repeats a MongoDB URL, which may hold a password', () => {
    expect(
      issuesOf({ ...valid, MONGO_URL: 'postgres://user:hunter2@db' })['MONGO_URL'],
    ).not.toContain('hunter2');
  });

  it('accepts mongodb+srv and multi-host URLs', () => {
    for (const url of [
      'mongodb+srv://cluster.example.com/db?retryWrites=true',
      'mongodb://a:1,b:2/?replicaSet=rs',
    ]) {
      expect(loadConfig(schema, { ...valid, MONGO_URL: url }).MONGO_URL).toBe(url);
    }
  });

  it('lets a service extend the schema and validates the extension the same way', () => {
    const extended = schema.extend({ ISSUER: z.url() });
    expect(loadConfig(extended, { ...valid, ISSUER: 'https://id.example.com' }).ISSUER).toBe(
      'https://id.example.com',
    );
    expect(() => loadConfig(extended, valid)).toThrow('  - ISSUER: required');
  });
});

describe('KAFKA_BROKERS', () => {
  const brokers = (value: string) =>
    loadConfig(schema, { ...valid, KAFKA_BROKERS: value }).KAFKA_BROKERS;

  it('parses a comma-separated host:port list, trimming spaces', () => {
    expect(brokers('kafka-1:9092, kafka-2.internal:19092 ,10.0.0.7:9093,[::1]:9092')).toEqual([
      'kafka-1:9092',
      'kafka-2.internal:19092',
      '10.0.0.7:9093',
      '[::1]:9092',
    ]);
  });

  it.each([
    ['kafka', 'expected host:port, got "kafka"'],
    ['kafka:0', 'invalid port in "kafka:0"'],
    ['kafka:port', 'invalid port in "kafka:port"'],
    ['ka_fka:9092', 'invalid host in "ka_fka:9092"'],
    ['a:1,,b:2', 'expected a comma-separated host:port list without empty entries'],
    ['a:1,b,c:99999', 'expected host:port, got "b"; invalid port in "c:99999"'],
  ])('rejects %j', (value, reason) => {
    expect(issuesOf({ ...valid, KAFKA_BROKERS: value })).toEqual({
      KAFKA_BROKERS: reason,
    });
  });
});
