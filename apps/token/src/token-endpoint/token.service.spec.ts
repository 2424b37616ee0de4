import { ManualClock } from '@extapps/testing';
import pino from 'pino';
import { ClientTable } from '../clients/client-table';
import { loadConfig } from '@extapps/platform';
import { configSchema } from '../config';
import { SigningKeys } from '../keys/signing-keys';
import { AppStream, appsRead, newSecret } from '../testing/app-events';
import { parseFormBody } from './form';
import { TokenService } from './token.service';

const config = loadConfig(configSchema, {
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://localhost:27017',
});

describe('TokenService', () => {
  const secret = newSecret();
  const app = new AppStream('robot');
  const table = new ClientTable();
  table.apply(app.registeredConfidential(secret, [appsRead]));
  const request = {
    body: parseFormBody(
      `grant_type=client_credentials&client_id=robot&client_secret=${secret.plaintext}`,
    ),
    authorization: undefined,
  };
  let keys: SigningKeys;
  beforeAll(async () => {
    keys = await SigningKeys.generate();
  });
  const serviceWith = (ready: boolean) =>
    new TokenService(
      { ready, find: (id) => table.get(id) },
      keys,
      config,
      new ManualClock('2026-01-01T00:00:00.000Z'),
      pino({ level: 'silent' }),
    );

  it('answers temporarily_unavailable until the client table has caught up', async () => {
    expect(await serviceWith(false).issue(request)).toEqual({
      ok: false,
      refusal: {
        error: {
          error: 'temporarily_unavailable',
          description: 'The token service is starting; retry shortly.',
        },
      },
    });
  });

  it('issues the token once caught up, with the configured lifetime', async () => {
    expect(await serviceWith(true).issue(request)).toEqual({
      ok: true,
      response: {
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'extapps.apps.read',
      },
    });
  });
});
