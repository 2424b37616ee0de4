import { loadConfig } from '@extapps/platform';
import { ManualClock } from '@extapps/testing';
import pino from 'pino';
import { ClientAuthenticator } from '../client-auth/client-authenticator';
import { ClientTable } from '../clients/client-table';
import { configSchema } from '../config';
import { RecordingTokenEventSink } from '../events/testing/recording-token-event-sink';
import { ClientCredentialsGrant } from '../grants/client-credentials/client-credentials.grant';
import { SigningKeys } from '../keys/signing-keys';
import { AppStream, appsRead, newSecret } from '../testing/app-events';
import { parseFormBody } from './form';
import { TokenService } from './token.service';
import { signingKeyTestEnv } from '../keys/testing/signing-key-env';

const config = loadConfig(configSchema, {
  ...signingKeyTestEnv(),
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://localhost:27017',
});
const meta = { ip: '203.0.113.9', correlationId: 'corr-1', userAgent: 'curl/8' };
const secret = newSecret();
const table = new ClientTable();
table.apply(new AppStream('robot').registeredConfidential(secret, [appsRead]));
table.apply(new AppStream('desktop').registeredNonConfidential());
const basic = (id: string, plain: string) =>
  `Basic ${Buffer.from(`${id}:${plain}`).toString('base64')}`;

describe('TokenService', () => {
  let keys: SigningKeys;
  let sink: RecordingTokenEventSink;
  beforeAll(async () => {
    keys = await SigningKeys.generate();
  });
  beforeEach(() => {
    sink = new RecordingTokenEventSink();
  });

  const serviceWith = (ready = true) => {
    const clients = { ready, find: (id: string) => table.get(id) };
    const logger = pino({ level: 'silent' });
    return new TokenService(
      clients,
      new ClientAuthenticator(clients, sink, logger),
      [new ClientCredentialsGrant(config)],
      keys,
      sink,
      new ManualClock('2026-01-01T00:00:00.000Z'),
      logger,
    );
  };
  const issue = (body: unknown, authorization?: string, ready = true) =>
    serviceWith(ready).issue({ body, authorization, meta });
  const form = (text: string) => parseFormBody(text);
  const credentials = `grant_type=client_credentials&client_id=robot&client_secret=${secret.plaintext}`;

  it('answers temporarily_unavailable until the client table has caught up', async () => {
    expect(await issue(form(credentials), undefined, false)).toEqual({
      ok: false,
      refusal: {
        error: {
          error: 'temporarily_unavailable',
          description: 'The token service is starting; retry shortly.',
        },
      },
    });
  });

  it('issues the token once caught up, with the configured lifetime, and records TokenIssued', async () => {
    expect(await issue(form(credentials))).toEqual({
      ok: true,
      response: {
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'extapps.apps.read',
      },
    });
    const [issued] = sink.ofType('TokenIssued');
    expect(issued).toMatchObject({
      streamId: 'robot',
      actor: { type: 'app', id: 'robot', ip: '203.0.113.9', userAgent: 'curl/8' },
      correlationId: 'corr-1',
      data: {
        clientId: 'robot',
        grantType: 'client_credentials',
        subject: 'robot',
        subjectType: 'app',
        audience: ['ExtAppsAdminApi'],
        secretId: secret.data.secretId,
        expiresAt: '2026-01-01T01:00:00.000Z',
      },
    });
  });

  it('refuses a body that is not a form as invalid_request', async () => {
    expect(await issue({ grant_type: 'client_credentials' })).toMatchObject({
      ok: false,
      refusal: { error: { error: 'invalid_request' } },
    });
  });

  it('refuses a request without grant_type as invalid_request', async () => {
    expect(await issue(form('scope=extapps.apps.read'))).toMatchObject({
      refusal: { error: { error: 'invalid_request' } },
    });
  });

  it.each(['password', 'implicit', 'urn:x:custom'])(
    'refuses grant_type=%s as unsupported_grant_type, before authenticating the client',
    async (grantType) => {
      expect(await issue(form(`grant_type=${grantType}`), basic('robot', 'wrong'))).toMatchObject({
        refusal: { error: { error: 'unsupported_grant_type' } },
      });
      expect(sink.events).toEqual([]);
    },
  );

  it('refuses a failed authentication as invalid_client and records why', async () => {
    expect(await issue(form('grant_type=client_credentials'), basic('robot', 'wrong'))).toEqual({
      ok: false,
      refusal: { error: { error: 'invalid_client', description: 'Client authentication failed.' } },
    });
    expect(sink.ofType('ClientAuthenticationFailed')[0]).toMatchObject({
      streamId: 'robot',
      data: {
        clientId: 'robot',
        method: 'client_secret_basic',
        reason: 'wrong-secret',
        endpoint: 'token',
      },
    });
  });

  it('does not name an unknown client, which may be a mistyped secret', async () => {
    await issue(
      form(`grant_type=client_credentials&client_id=${secret.plaintext}&client_secret=x`),
    );
    const [failed] = sink.ofType('ClientAuthenticationFailed');
    expect(failed).toMatchObject({
      streamId: 'unknown-client',
      data: { clientId: null, method: 'client_secret_post', reason: 'unknown-client' },
    });
    expect(JSON.stringify(sink.events)).not.toContain(secret.plaintext);
  });

  it('refuses client_credentials to a non-confidential app as unauthorized_client', async () => {
    expect(await issue(form('grant_type=client_credentials&client_id=desktop'))).toMatchObject({
      refusal: { error: { error: 'unauthorized_client' } },
    });
    expect(sink.events).toEqual([]);
  });

  it('refuses a scope the app does not hold as invalid_scope', async () => {
    const body = form('grant_type=client_credentials&scope=extapps.apps.write');
    expect(await issue(body, basic('robot', secret.plaintext))).toMatchObject({
      refusal: { error: { error: 'invalid_scope' } },
    });
  });
});
