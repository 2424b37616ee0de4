import pino from 'pino';
import { ClientTable } from '../clients/client-table';
import { RecordingTokenEventSink } from '../events/testing/recording-token-event-sink';
import { AppStream, appsRead, newSecret } from '../testing/app-events';
import { ClientAuthThrottle } from './client-auth-throttle';
import { ClientAuthenticator } from './client-authenticator';

const secret = newSecret();
const table = new ClientTable();
table.apply(new AppStream('robot').registeredConfidential(secret, [appsRead]));
const clients = { ready: true, find: (id: string) => table.get(id) };
const now = new Date('2026-01-01T00:00:00.000Z');
const attacker = { ip: '198.51.100.1', correlationId: 'corr-a' };
const server = { ip: '203.0.113.7', correlationId: 'corr-s' };
const post = (clientId: string, plaintext: string) => ({
  authorization: undefined,
  form: new Map([
    ['client_id', clientId],
    ['client_secret', plaintext],
  ]),
});
const wrong = () => newSecret().plaintext;

describe('ClientAuthenticator with the throttle', () => {
  let sink: RecordingTokenEventSink;
  let authenticator: ClientAuthenticator;
  beforeEach(() => {
    sink = new RecordingTokenEventSink();
    const throttle = new ClientAuthThrottle({
      perSourceLimit: 2,
      perClientLimit: 4,
      windowMs: 60_000,
      maxEntries: 100,
      trustedSourceMs: 3_600_000,
    });
    authenticator = new ClientAuthenticator(clients, sink, pino({ level: 'silent' }), throttle);
  });
  const attempt = (clientId: string, plaintext: string, meta = attacker, at = now) =>
    authenticator.authenticate(post(clientId, plaintext), 'token', meta, at);

  it('given a source over its limit, when it sends the right secret, then it is refused as throttled', async () => {
    await attempt('robot', wrong());
    await attempt('robot', wrong());
    expect(await attempt('robot', secret.plaintext)).toEqual({
      ok: false,
      error: { error: 'invalid_client', description: 'Client authentication failed.' },
    });
    expect(sink.ofType('ClientAuthenticationFailed').map((e) => e.data)).toEqual([
      {
        clientId: 'robot',
        method: 'client_secret_post',
        reason: 'wrong-secret',
        endpoint: 'token',
      },
      {
        clientId: 'robot',
        method: 'client_secret_post',
        reason: 'wrong-secret',
        endpoint: 'token',
      },
      { clientId: 'robot', method: 'client_secret_post', reason: 'throttled', endpoint: 'token' },
    ]);
  });

  it('given a throttled source, when the window has passed, then the right secret is accepted', async () => {
    await attempt('robot', wrong());
    await attempt('robot', wrong());
    const later = new Date(now.getTime() + 60_000);
    expect((await attempt('robot', secret.plaintext, attacker, later)).ok).toBe(true);
  });

  it('given an unknown client id throttled, when refused, then the event does not name it', async () => {
    const pasted = wrong();
    await attempt(pasted, wrong());
    await attempt(pasted, wrong());
    await attempt(pasted, wrong());
    const [, , throttled] = sink.ofType('ClientAuthenticationFailed');
    expect(throttled).toMatchObject({
      streamId: 'unknown-client',
      data: { clientId: null, reason: 'throttled' },
    });
  });

  it("given the app's server authenticated before, when attackers spend the client limit, then it keeps working", async () => {
    expect((await attempt('robot', secret.plaintext, server)).ok).toBe(true);
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'])
      await attempt('robot', wrong(), { ip, correlationId: 'corr-a' });
    expect((await attempt('robot', secret.plaintext, server)).ok).toBe(true);
    await attempt('robot', secret.plaintext, { ip: '198.51.100.9', correlationId: 'corr-n' });
    expect(sink.ofType('ClientAuthenticationFailed').at(-1)?.data.reason).toBe('throttled');
  });
});
