import { loadConfig } from '@extapps/platform';
import pino from 'pino';
import { Client } from '../clients/client';
import { configSchema } from '../config';
import { signingKeyTestEnv } from '../keys/testing/signing-key-env';
import { RecordingTokenEventSink } from '../events/testing/recording-token-event-sink';
import { ClientAssertionAuthenticator } from './client-assertion-authenticator';
import { PresentedAssertion } from './client-assertion-presentation';
import { InMemoryClientAssertionReplay } from './client-assertion-replay';
import { ClientAuthenticator } from './client-authenticator';
import {
  AppKey,
  appKey,
  assertionClaims,
  assertionForm,
  confidentialClient,
  ISSUER,
  signAssertion,
} from './testing/client-assertion-fixtures';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const config = loadConfig(configSchema, {
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://localhost:27017',
  ISSUER,
  ...signingKeyTestEnv(),
});
const logger = pino({ level: 'silent' });
const meta = { ip: '203.0.113.9', correlationId: 'corr-1' };

describe('private_key_jwt authentication', () => {
  let key: AppKey;
  let client: Client;
  let assertions: ClientAssertionAuthenticator;
  beforeAll(async () => {
    key = await appKey();
    client = confidentialClient('app-1', key);
  });
  beforeEach(() => {
    assertions = new ClientAssertionAuthenticator(
      config,
      new InMemoryClientAssertionReplay(),
      logger,
    );
  });
  const presented = async (claims = assertionClaims('app-1', NOW), signer = key) => ({
    method: 'private_key_jwt' as const,
    clientId: 'app-1',
    assertion: await signAssertion(signer, claims),
  });
  const authenticate = async (target: Client | undefined, assertion?: PresentedAssertion) =>
    assertions.authenticate(assertion ?? (await presented()), target, NOW);

  it('accepts a valid assertion of a confidential app with keys; no secret is named', async () => {
    expect(await authenticate(client)).toEqual({ ok: true, client, secretId: null });
  });

  it('refuses the same assertion a second time (jti replay)', async () => {
    const once = await presented();
    await authenticate(client, once);
    expect(await authenticate(client, once)).toEqual({ ok: false, reason: 'invalid-assertion' });
  });

  it('refuses an assertion that fails a check as invalid-assertion', async () => {
    const claims = assertionClaims('app-1', NOW, { aud: 'https://elsewhere.example' });
    expect(await authenticate(client, await presented(claims))).toEqual({
      ok: false,
      reason: 'invalid-assertion',
    });
  });

  it('refuses an assertion about another app (client_id and iss/sub differ)', async () => {
    const other = confidentialClient('app-2', key);
    expect(await authenticate(other)).toEqual({ ok: false, reason: 'invalid-assertion' });
  });

  it('refuses an unknown client', async () => {
    expect(await authenticate(undefined)).toEqual({ ok: false, reason: 'unknown-client' });
  });

  it('refuses an app that registered no JWKS, or an empty one, as no-keys', async () => {
    expect(await authenticate({ ...client, jwks: null })).toEqual({ ok: false, reason: 'no-keys' });
    expect(await authenticate({ ...client, jwks: { keys: [] } })).toEqual({
      ok: false,
      reason: 'no-keys',
    });
  });

  it('refuses a non-confidential app (only confidential apps authenticate with keys)', async () => {
    expect(await authenticate({ ...client, type: 'non-confidential' })).toEqual({
      ok: false,
      reason: 'no-keys',
    });
  });

  it('refuses a deleted app, and a disabled one only once its assertion is valid', async () => {
    expect(await authenticate({ ...client, status: 'deleted' })).toEqual({
      ok: false,
      reason: 'deleted',
    });
    const disabled: Client = { ...client, status: 'disabled' };
    expect(await authenticate(disabled)).toEqual({ ok: false, reason: 'disabled' });
    const expired = assertionClaims('app-1', NOW, { exp: NOW.getTime() / 1000 - 600 });
    expect(await authenticate(disabled, await presented(expired))).toEqual({
      ok: false,
      reason: 'invalid-assertion',
    });
  });
});

describe('ClientAuthenticator with private_key_jwt', () => {
  let key: AppKey;
  let sink: RecordingTokenEventSink;
  let authenticator: ClientAuthenticator;
  beforeAll(async () => {
    key = await appKey();
  });
  beforeEach(() => {
    const client = confidentialClient('app-1', key);
    const clients = { ready: true, find: (id: string) => (id === 'app-1' ? client : undefined) };
    sink = new RecordingTokenEventSink();
    const replay = new InMemoryClientAssertionReplay();
    const assertions = new ClientAssertionAuthenticator(config, replay, logger);
    authenticator = new ClientAuthenticator(clients, sink, logger, undefined, assertions);
  });
  const withAssertion = async (overrides = {}) => ({
    authorization: undefined,
    form: assertionForm(await signAssertion(key, assertionClaims('app-1', NOW, overrides))),
  });

  it('authenticates the app by its assertion: method private_key_jwt, no secret', async () => {
    const outcome = await authenticator.authenticate(await withAssertion(), 'token', meta, NOW);
    expect(outcome).toMatchObject({
      ok: true,
      value: { client: { clientId: 'app-1' }, method: 'private_key_jwt', secretId: null },
    });
    expect(sink.events).toEqual([]);
  });

  it.each(['token', 'introspection', 'revocation'] as const)(
    'answers a bad assertion at the %s endpoint with invalid_client and records why',
    async (endpoint) => {
      const outcome = await authenticator.authenticate(
        await withAssertion({ iss: 'someone-else' }),
        endpoint,
        meta,
        NOW,
      );
      expect(outcome).toEqual({
        ok: false,
        error: { error: 'invalid_client', description: 'Client authentication failed.' },
      });
      expect(sink.ofType('ClientAuthenticationFailed')).toEqual([
        expect.objectContaining({
          streamId: 'app-1',
          data: {
            clientId: 'app-1',
            method: 'private_key_jwt',
            reason: 'invalid-assertion',
            endpoint,
          },
        }),
      ]);
    },
  );
});
