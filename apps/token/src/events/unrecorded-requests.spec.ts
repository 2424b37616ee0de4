import { loadConfig } from '@extapps/platform';
import { ManualClock } from '@extapps/testing';
import pino from 'pino';
import { ClientAuthenticator } from '../client-auth/client-authenticator';
import { ClientTable } from '../clients/client-table';
import { configSchema } from '../config';
import { ClientCredentialsGrant } from '../grants/client-credentials/client-credentials.grant';
import { SigningKeys } from '../keys/signing-keys';
import { AppStream, appsRead, newSecret } from '../testing/app-events';
import { parseFormBody } from '../token-endpoint/form';
import { TokenService } from '../token-endpoint/token.service';
import { TokenEventRecord, TokenEventSink, TokenEventsUnavailable } from './token-event-sink';

/** A sink whose storage refuses every record with `error`, remembering what it was given. */
class RefusingSink implements TokenEventSink {
  readonly attempted: TokenEventRecord[] = [];

  constructor(private readonly error: Error) {}

  record(records: readonly TokenEventRecord[]): Promise<void> {
    this.attempted.push(...records);
    return Promise.reject(this.error);
  }
}

const config = loadConfig(configSchema, {
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://localhost:27017',
  SIGNING_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
});
const meta = { ip: '203.0.113.9', correlationId: 'corr-1' };
const secret = newSecret();
const table = new ClientTable();
table.apply(new AppStream('robot').registeredConfidential(secret, [appsRead]));

describe('token requests whose events cannot be recorded', () => {
  let keys: SigningKeys;
  beforeAll(async () => {
    keys = await SigningKeys.generate();
  });

  const issue = (sink: TokenEventSink, body: string) => {
    const clients = { ready: true, find: (id: string) => table.get(id) };
    const logger = pino({ level: 'silent' });
    const service = new TokenService(
      clients,
      new ClientAuthenticator(clients, sink, logger),
      [new ClientCredentialsGrant(config)],
      keys,
      sink,
      new ManualClock('2026-01-01T00:00:00.000Z'),
      logger,
    );
    return service.issue({ body: parseFormBody(body), authorization: undefined, meta });
  };
  const unavailable = {
    ok: false,
    refusal: {
      error: {
        error: 'temporarily_unavailable',
        description: 'The token service cannot record requests right now; retry shortly.',
      },
    },
  };

  it('given a granted request, then the answer is temporarily_unavailable and carries no token', async () => {
    const sink = new RefusingSink(new TokenEventsUnavailable('timeout'));
    const body = `grant_type=client_credentials&client_id=robot&client_secret=${secret.plaintext}`;

    expect(await issue(sink, body)).toEqual(unavailable);
    expect(sink.attempted.map((r) => r.payload.type)).toEqual(['TokenIssued']);
  });

  it('given a failed client authentication, then temporarily_unavailable replaces invalid_client', async () => {
    const sink = new RefusingSink(new TokenEventsUnavailable('overloaded'));
    const body = 'grant_type=client_credentials&client_id=robot&client_secret=wrong';

    expect(await issue(sink, body)).toEqual(unavailable);
    expect(sink.attempted.map((r) => r.payload.type)).toEqual(['ClientAuthenticationFailed']);
  });

  it('given a sink failing for another reason (a bug), then the error propagates', async () => {
    const bug = new Error('not a token event: Nope');
    const body = `grant_type=client_credentials&client_id=robot&client_secret=${secret.plaintext}`;

    await expect(issue(new RefusingSink(bug), body)).rejects.toBe(bug);
  });
});
