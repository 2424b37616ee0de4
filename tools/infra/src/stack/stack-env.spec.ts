import { createPrivateKey } from 'node:crypto';
import type { Infrastructure } from '../types';
import { serviceSpecs } from './services';
import { localAuditSigningKey, serviceEnvironment, TOKEN_NODE_OPTIONS } from './stack-env';

const infra: Infrastructure = {
  provider: 'local',
  kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
  mongoUrl: 'mongodb://127.0.0.1:27017/',
  stop: async () => undefined,
};
const settings = { bootstrapSecret: 'extapps_cs_example' };

function envOf(name: string, base: NodeJS.ProcessEnv = {}, ports: NodeJS.ProcessEnv = {}) {
  const specs = serviceSpecs(ports);
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new Error(name);
  return serviceEnvironment(spec, specs, infra, base, settings);
}

describe('serviceEnvironment', () => {
  it('gives every service its port and the servers, keeping the caller environment', () => {
    expect(envOf('permissions', { LOG_LEVEL: 'debug' })).toEqual({
      LOG_LEVEL: 'debug',
      PORT: '3003',
      KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
      MONGO_URL: 'mongodb://127.0.0.1:27017/',
      AUTH_ISSUER: 'http://localhost:3002',
    });
  });

  it('makes the token issuer the localhost URL of the token port, and every admin API trust it', () => {
    const ports = { TOKEN_PORT: '8002' };
    expect(envOf('token', {}, ports)['ISSUER']).toBe('http://localhost:8002');
    for (const name of ['registration', 'permissions', 'audit'])
      expect(envOf(name, {}, ports)['AUTH_ISSUER']).toBe('http://localhost:8002');
  });

  it('keeps an issuer the caller chose', () => {
    const base = { ISSUER: 'https://login.example.com', AUTH_ISSUER: 'https://login.example.com' };
    expect(envOf('token', base)['ISSUER']).toBe('https://login.example.com');
    for (const name of ['registration', 'permissions', 'audit'])
      expect(envOf(name, base)['AUTH_ISSUER']).toBe('https://login.example.com');
  });

  it('derives the trusted issuer from the token issuer the caller chose', () => {
    const base = { ISSUER: 'https://login.example.com' };
    expect(envOf('audit', base)['AUTH_ISSUER']).toBe('https://login.example.com');
  });

  it('hands the bootstrap admin secret to the registration service only', () => {
    expect(envOf('registration')['BOOTSTRAP_ADMIN_CLIENT_SECRET']).toBe('extapps_cs_example');
    expect(envOf('token')['BOOTSTRAP_ADMIN_CLIENT_SECRET']).toBeUndefined();
  });

  it('caps the token service heap unless the caller set NODE_OPTIONS, and only the token service', () => {
    expect(envOf('token')['NODE_OPTIONS']).toBe(TOKEN_NODE_OPTIONS);
    expect(envOf('token', { NODE_OPTIONS: '--max-old-space-size=512' })['NODE_OPTIONS']).toBe(
      '--max-old-space-size=512',
    );
    expect(envOf('registration')['NODE_OPTIONS']).toBeUndefined();
  });

  it('gives the token service a signing key encryption key of 32 bytes, the same on every rerun', () => {
    const key = envOf('token')['SIGNING_KEY_ENCRYPTION_KEY'] ?? '';
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(envOf('token')['SIGNING_KEY_ENCRYPTION_KEY']).toBe(key);
  });

  it('gives the audit service an Ed25519 signing key, the same for the same servers only', () => {
    const key = envOf('audit')['AUDIT_SIGNING_KEY'] ?? '';
    const privateKey = createPrivateKey({ key: JSON.parse(key), format: 'jwk' });
    expect(privateKey.asymmetricKeyType).toBe('ed25519');
    expect(envOf('audit')['AUDIT_SIGNING_KEY']).toBe(key);
    expect(localAuditSigningKey('mongodb://127.0.0.1:27018/')).not.toBe(key);
    expect(envOf('permissions')['AUDIT_SIGNING_KEY']).toBeUndefined();
  });

  it('keeps an audit signing key the caller set', () => {
    const own = localAuditSigningKey('mongodb://elsewhere:27017/');
    expect(envOf('audit', { AUDIT_SIGNING_KEY: own })['AUDIT_SIGNING_KEY']).toBe(own);
  });
});
