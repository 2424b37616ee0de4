import { RegistrationEvent } from '@extapps/contracts';
import { ClientTable } from '../clients/client-table';
import { AppStream, appsRead, newSecret } from '../testing/app-events';
import { parseFormBody } from './form';
import { decideTokenRequest, TokenRequest } from './token-request';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const secret = newSecret();
const confidential = new AppStream('robot');
const desktop = new AppStream('desktop');

const table = new ClientTable();
const events: RegistrationEvent[] = [
  confidential.registeredConfidential(secret, [appsRead]),
  desktop.registeredNonConfidential(),
];
events.forEach((e) => table.apply(e));

const basic = (id: string, plain: string) =>
  `Basic ${Buffer.from(`${id}:${plain}`).toString('base64')}`;
const decide = (body: unknown, authorization?: string) =>
  decideTokenRequest({ body, authorization } satisfies TokenRequest, (id) => table.get(id), NOW);
const form = (text: string) => parseFormBody(text);

describe('token request decision', () => {
  it('grants client_credentials to a confidential app with its secret', () => {
    const decision = decide(
      form('grant_type=client_credentials'),
      basic('robot', secret.plaintext),
    );
    expect(decision).toMatchObject({
      ok: true,
      value: {
        client: { clientId: 'robot' },
        secretId: secret.data.secretId,
        grant: { audience: 'ExtAppsAdminApi', scopes: ['extapps.apps.read'] },
      },
    });
  });

  it('refuses a body that is not a form as invalid_request', () => {
    expect(decide({ grant_type: 'client_credentials' })).toMatchObject({
      ok: false,
      refusal: { error: { error: 'invalid_request' } },
    });
  });

  it('refuses a request without grant_type as invalid_request', () => {
    expect(decide(form('scope=extapps.apps.read'))).toMatchObject({
      ok: false,
      refusal: { error: { error: 'invalid_request' } },
    });
  });

  it.each(['password', 'authorization_code', 'refresh_token', 'implicit', 'urn:x:custom'])(
    'refuses grant_type=%s as unsupported_grant_type, before authenticating the client',
    (grantType) => {
      expect(decide(form(`grant_type=${grantType}`), basic('robot', 'wrong'))).toMatchObject({
        ok: false,
        refusal: { error: { error: 'unsupported_grant_type' } },
      });
    },
  );

  it('refuses a failed authentication as invalid_client, naming the reason for the log', () => {
    expect(decide(form('grant_type=client_credentials'), basic('robot', 'wrong'))).toEqual({
      ok: false,
      refusal: {
        error: { error: 'invalid_client', description: 'Client authentication failed.' },
        authentication: {
          reason: 'wrong-secret',
          method: 'client_secret_basic',
          clientId: 'robot',
        },
      },
    });
    const posted = decide(form('grant_type=client_credentials&client_id=robot&client_secret=x'));
    expect(posted).toMatchObject({
      ok: false,
      refusal: { authentication: { method: 'client_secret_post', reason: 'wrong-secret' } },
    });
  });

  it('does not name an unknown client, which may be a mistyped secret', () => {
    expect(
      decide(form(`grant_type=client_credentials&client_id=${secret.plaintext}&client_secret=x`)),
    ).toMatchObject({
      ok: false,
      refusal: { authentication: { reason: 'unknown-client', clientId: null } },
    });
  });

  it('refuses client_credentials to a non-confidential app as unauthorized_client', () => {
    expect(decide(form('grant_type=client_credentials&client_id=desktop'))).toMatchObject({
      ok: false,
      refusal: { error: { error: 'unauthorized_client' } },
    });
  });

  it('refuses a scope the app does not hold as invalid_scope', () => {
    const body = form('grant_type=client_credentials&scope=extapps.apps.write');
    expect(decide(body, basic('robot', secret.plaintext))).toMatchObject({
      ok: false,
      refusal: { error: { error: 'invalid_scope' } },
    });
  });
});
