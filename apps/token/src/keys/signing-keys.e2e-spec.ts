import { randomBytes } from 'node:crypto';
import { connectMongo } from '@extapps/mongo';
import { Env } from '@extapps/platform';
import { RunningService, startService, testEnv } from '@extapps/platform/testing';
import { eventually, ManualClock } from '@extapps/testing';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { AppStream, appsRead, newSecret } from '../testing/app-events';
import { callTokenEndpoint, RegistrationEventsPublisher } from '../testing/token-client';
import { clientCredentials } from '../testing/token-e2e';
import { tokenServiceWith } from '../testing/token-service';
import { parseEncryptionKey } from './encryption-key';
import { openPrivateKey } from './key-cipher';
import { PUBLISH_AHEAD_MS, VERIFIER_LEEWAY_MS } from './key-schedule';
import { SIGNING_KEYS_COLLECTION } from './mongo-signing-key-store';
import { JsonWebKeySet } from './signing-keys';
import { runTokenMain } from './testing/run-token-main';

const HOUR = 3_600_000;
const ISSUER = 'https://id.extapps.test';
const newEncryptionKey = () => randomBytes(32).toString('base64');

describe('signing keys through HTTP (real Kafka and MongoDB)', () => {
  const events = new RegistrationEventsPublisher();
  const robot = { app: new AppStream(), secret: newSecret() };
  const running: RunningService[] = [];

  beforeAll(async () => {
    await events.open();
    await events.publish(robot.app.registeredConfidential(robot.secret, [appsRead]));
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.close()));
    await events.close();
  });

  const envWith = (overrides: Env = {}) =>
    testEnv('token', {
      ISSUER,
      SIGNING_KEY_ENCRYPTION_KEY: newEncryptionKey(),
      LOG_LEVEL: 'info',
      ...overrides,
    });
  async function start(env: Env, clock = new ManualClock(new Date())): Promise<RunningService> {
    const service = await startService(tokenServiceWith({ clock }), env);
    running.push(service);
    await eventually(async () => {
      const ready = await fetch(`${service.baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
    });
    return service;
  }
  async function stop(service: RunningService): Promise<void> {
    running.splice(running.indexOf(service), 1);
    await service.close();
  }
  async function tokenFrom(service: RunningService): Promise<string> {
    const answer = await callTokenEndpoint(service.baseUrl, {
      form: clientCredentials,
      basic: [robot.app.appId, robot.secret.plaintext],
    });
    expect(answer.status).toBe(200);
    return String(answer.body['access_token']);
  }
  const jwksOf = async (service: RunningService) =>
    (await (await fetch(`${service.baseUrl}/.well-known/jwks.json`)).json()) as JsonWebKeySet;
  const kids = (jwks: JsonWebKeySet) => jwks.keys.map((k) => k.kid);
  const verify = (token: string, jwks: JsonWebKeySet, at: Date) =>
    jwtVerify(token, createLocalJWKSet({ keys: [...jwks.keys] }), {
      issuer: ISSUER,
      typ: 'at+jwt',
      algorithms: ['ES256'],
      currentDate: at,
    });

  it('verifies a token issued before a restart against the JWKS after it', async () => {
    const env = envWith();
    const clock = new ManualClock(new Date());
    const before = await start(env, clock);
    const token = await tokenFrom(before);
    await stop(before);

    const after = await start(env, clock);

    await expect(verify(token, await jwksOf(after), clock.now())).resolves.toBeDefined();
    expect(decodeProtectedHeader(await tokenFrom(after)).kid).toBe(
      decodeProtectedHeader(token).kid,
    );
  });

  it('has two instances started together on one database publish and sign with the same key', async () => {
    const env = envWith();
    const clock = new ManualClock(new Date());

    const [a, b] = await Promise.all([start(env, clock), start(env, clock)]);

    const jwks = await jwksOf(a);
    expect(jwks.keys).toHaveLength(1);
    expect(await jwksOf(b)).toEqual(jwks);
    await expect(verify(await tokenFrom(a), await jwksOf(b), clock.now())).resolves.toBeDefined();
    await expect(verify(await tokenFrom(b), await jwksOf(a), clock.now())).resolves.toBeDefined();
  });

  it('keeps the private key in MongoDB only encrypted', async () => {
    const env = envWith();
    await start(env);
    const connection = await connectMongo({
      url: String(env['MONGO_URL']),
      dbName: String(env['MONGO_DB']),
    });
    try {
      const documents = await connection.collection(SIGNING_KEYS_COLLECTION).find().toArray();
      expect(documents).toHaveLength(1);
      const [stored] = documents;
      const parsed = parseEncryptionKey(String(env['SIGNING_KEY_ENCRYPTION_KEY']));
      if (!parsed.ok) throw new Error(parsed.reason);
      const binding = `generation ${String(stored['_id'])} (kid ${String(stored['kid'])})`;
      const { d } = openPrivateKey(stored['privateKey'], parsed.value, binding);
      const dBytes = Buffer.from(String(d), 'base64url');
      expect(dBytes).toHaveLength(32);

      const raw = JSON.stringify(documents);
      for (const form of [
        dBytes.toString('base64url'),
        dBytes.toString('base64'),
        dBytes.toString('hex'),
      ])
        expect(raw).not.toContain(form.slice(0, 40));
      expect(stored['publicJwk']).not.toHaveProperty('d');
    } finally {
      await connection.close();
    }
  });

  // As a process: Nest does not close an app whose start-up failed, so in-process it would leak.
  it('refuses to start with another SIGNING_KEY_ENCRYPTION_KEY, saying so, and exits 1', async () => {
    const env = envWith();
    await stop(await start(env));

    const { code, output } = await runTokenMain({
      ...env,
      SIGNING_KEY_ENCRYPTION_KEY: newEncryptionKey(),
    });

    expect(code).toBe(1);
    expect(output).toMatch(
      /SIGNING_KEY_ENCRYPTION_KEY is not the key that encrypted the stored signing keys: they were encrypted with key id \S+, the configured key has id \S+\./,
    );
    expect(output).toContain('start-up failed');
  });

  it('refuses to start without SIGNING_KEY_ENCRYPTION_KEY, naming the setting, and exits 1', async () => {
    const { code, output } = await runTokenMain(envWith({ SIGNING_KEY_ENCRYPTION_KEY: '' }));

    expect(code).toBe(1);
    expect(output).toContain('SIGNING_KEY_ENCRYPTION_KEY: required');
  });

  it('rotates: the next key is published ahead, signs on time, and the old one leaves once its tokens expired', async () => {
    const clock = new ManualClock(new Date());
    const service = await start(envWith({ SIGNING_KEY_REFRESH_SECONDS: '1' }), clock);
    const first = await tokenFrom(service);
    const firstIssuedAt = clock.now();
    const [k1] = kids(await jwksOf(service));

    clock.advance(720 * HOUR - PUBLISH_AHEAD_MS);
    await eventually(async () => expect(kids(await jwksOf(service))).toHaveLength(2));
    const [k2] = kids(await jwksOf(service));
    expect(kids(await jwksOf(service))).toEqual([k2, k1]);
    expect(decodeProtectedHeader(await tokenFrom(service)).kid).toBe(k1);

    clock.advance(PUBLISH_AHEAD_MS);
    const second = await tokenFrom(service);
    expect(decodeProtectedHeader(second).kid).toBe(k2);
    const jwks = await jwksOf(service);
    await expect(verify(first, jwks, firstIssuedAt)).resolves.toBeDefined();
    await expect(verify(second, jwks, clock.now())).resolves.toBeDefined();

    clock.advance(24 * HOUR + VERIFIER_LEEWAY_MS);
    expect(kids(await jwksOf(service))).toEqual([k2]);
    await expect(verify(first, await jwksOf(service), firstIssuedAt)).rejects.toThrow(
      'no applicable key found in the JSON Web Key Set',
    );
  });
});
