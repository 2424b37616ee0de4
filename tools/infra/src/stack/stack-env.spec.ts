import type { Infrastructure } from '../types';
import { serviceSpecs } from './services';
import { serviceEnvironment, TOKEN_NODE_OPTIONS } from './stack-env';

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
    expect(envOf('audit', { LOG_LEVEL: 'debug' })).toEqual({
      LOG_LEVEL: 'debug',
      PORT: '3004',
      KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
      MONGO_URL: 'mongodb://127.0.0.1:27017/',
    });
  });

  it('makes the token issuer the localhost URL of the token port, and registration trust it', () => {
    const ports = { TOKEN_PORT: '8002' };
    expect(envOf('token', {}, ports)['ISSUER']).toBe('http://localhost:8002');
    expect(envOf('registration', {}, ports)['AUTH_ISSUER']).toBe('http://localhost:8002');
  });

  it('keeps an issuer the caller chose', () => {
    const base = { ISSUER: 'https://login.example.com', AUTH_ISSUER: 'https://login.example.com' };
    expect(envOf('token', base)['ISSUER']).toBe('https://login.example.com');
    expect(envOf('registration', base)['AUTH_ISSUER']).toBe('https://login.example.com');
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
});
