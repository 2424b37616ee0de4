import { newSecret, AppStream } from '../testing/app-events';
import { Client } from '../clients/client';
import { projectClient } from '../clients/client.projection';
import { RegistrationEvent } from '@extapps/contracts';
import { authenticateClient, presentedClient, PresentedClient } from './client-authentication';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = (entries: Record<string, string>) => new Map(Object.entries(entries));

const NOW = new Date('2026-06-01T00:00:00.000Z');
const secret = newSecret(new Date('2026-12-01T00:00:00.000Z'));
const other = newSecret();

function clientOf(...events: RegistrationEvent[]): Client {
  let client: Client | undefined;
  for (const event of events) {
    const outcome = projectClient(client, event);
    if (outcome.kind === 'applied') client = outcome.client;
  }
  if (!client) throw new Error('no client');
  return client;
}

describe('presented client credentials', () => {
  it('client_secret_basic: id and secret from the Basic credentials', () => {
    expect(presentedClient(basic('app-1', 's3cret'), form({}))).toEqual({
      ok: true,
      value: { method: 'client_secret_basic', clientId: 'app-1', secret: 's3cret' },
    });
  });

  it('client_secret_basic: id and secret are form-urlencoded inside Basic (RFC 6749 §2.3.1)', () => {
    const outcome = presentedClient(basic('my%3Aapp', 'a+b%25'), form({}));
    expect(outcome).toMatchObject({ ok: true, value: { clientId: 'my:app', secret: 'a b%' } });
  });

  it('client_secret_basic: a matching client_id in the body is accepted', () => {
    const outcome = presentedClient(basic('app-1', 's'), form({ client_id: 'app-1' }));
    expect(outcome).toMatchObject({ ok: true, value: { method: 'client_secret_basic' } });
  });

  it('client_secret_basic: a different client_id in the body is invalid_request', () => {
    const outcome = presentedClient(basic('app-1', 's'), form({ client_id: 'app-2' }));
    expect(outcome).toMatchObject({ ok: false, error: { error: 'invalid_request' } });
  });

  it('client_secret_post: id and secret from the body', () => {
    expect(presentedClient(undefined, form({ client_id: 'app-1', client_secret: 's' }))).toEqual({
      ok: true,
      value: { method: 'client_secret_post', clientId: 'app-1', secret: 's' },
    });
  });

  it('both methods at once: invalid_request', () => {
    const outcome = presentedClient(basic('app-1', 's'), form({ client_secret: 's' }));
    expect(outcome).toMatchObject({ ok: false, error: { error: 'invalid_request' } });
  });

  it('a client id alone: method none', () => {
    expect(presentedClient(undefined, form({ client_id: 'app-1' }))).toEqual({
      ok: true,
      value: { method: 'none', clientId: 'app-1', secret: null },
    });
  });

  it('a secret without client id: invalid_request', () => {
    const outcome = presentedClient(undefined, form({ client_secret: 's' }));
    expect(outcome).toMatchObject({ ok: false, error: { error: 'invalid_request' } });
  });

  it('no client at all: invalid_client', () => {
    expect(presentedClient(undefined, form({}))).toMatchObject({
      ok: false,
      error: { error: 'invalid_client' },
    });
  });

  it.each([
    ['another scheme', 'Bearer abc'],
    ['Basic without colon', `Basic ${Buffer.from('app-1').toString('base64')}`],
    ['Basic that is not base64', 'Basic ***'],
    ['Basic with an empty id', `Basic ${Buffer.from(':s').toString('base64')}`],
    ['Basic with a bad escape', `Basic ${Buffer.from('app-1:%zz').toString('base64')}`],
  ])('an Authorization header with %s: invalid_client', (_case, header) => {
    expect(presentedClient(header, form({}))).toMatchObject({
      ok: false,
      error: { error: 'invalid_client' },
    });
  });
});

describe('client authentication', () => {
  const app = new AppStream('app-1');
  const registered = app.registeredConfidential(secret);
  const confidential = clientOf(registered);
  const withSecret = (presented: string): PresentedClient => ({
    method: 'client_secret_post',
    clientId: 'app-1',
    secret: presented,
  });

  it('accepts a current secret and names it', () => {
    expect(authenticateClient(withSecret(secret.plaintext), confidential, NOW)).toEqual({
      ok: true,
      client: confidential,
      secretId: secret.data.secretId,
    });
  });

  it('accepts any of several active secrets (rotation)', () => {
    const client = clientOf(registered, app.secretAdded(other));
    expect(authenticateClient(withSecret(other.plaintext), client, NOW)).toMatchObject({
      ok: true,
      secretId: other.data.secretId,
    });
  });

  it('refuses an unknown client', () => {
    expect(authenticateClient(withSecret(secret.plaintext), undefined, NOW)).toEqual({
      ok: false,
      reason: 'unknown-client',
    });
  });

  it('refuses a wrong secret', () => {
    expect(authenticateClient(withSecret(other.plaintext), confidential, NOW)).toEqual({
      ok: false,
      reason: 'wrong-secret',
    });
  });

  it('refuses junk that is not a client secret, without hashing it', () => {
    expect(authenticateClient(withSecret('hunter2'), confidential, NOW)).toEqual({
      ok: false,
      reason: 'wrong-secret',
    });
  });

  it('refuses a revoked secret', () => {
    const stream = new AppStream('app-9');
    const client = clientOf(stream.registeredConfidential(secret), stream.secretRevoked(secret));
    expect(authenticateClient(withSecret(secret.plaintext), client, NOW)).toEqual({
      ok: false,
      reason: 'revoked-secret',
    });
  });

  it('refuses a secret at and after its expiry', () => {
    const expiry = new Date(secret.data.expiresAt ?? '');
    expect(authenticateClient(withSecret(secret.plaintext), confidential, expiry)).toEqual({
      ok: false,
      reason: 'expired-secret',
    });
    const justBefore = new Date(expiry.getTime() - 1);
    expect(authenticateClient(withSecret(secret.plaintext), confidential, justBefore).ok).toBe(
      true,
    );
  });

  it('refuses a disabled app, even with its right secret', () => {
    const stream = new AppStream('app-8');
    const client = clientOf(stream.registeredConfidential(secret), stream.disabled());
    expect(authenticateClient(withSecret(secret.plaintext), client, NOW)).toEqual({
      ok: false,
      reason: 'disabled',
    });
  });

  it('refuses a deleted app', () => {
    const stream = new AppStream('app-7');
    const client = clientOf(stream.registeredConfidential(secret), stream.deleted());
    expect(authenticateClient(withSecret(secret.plaintext), client, NOW)).toEqual({
      ok: false,
      reason: 'deleted',
    });
  });

  it('refuses a confidential app that presents no secret', () => {
    const presented: PresentedClient = { method: 'none', clientId: 'app-1', secret: null };
    expect(authenticateClient(presented, confidential, NOW)).toEqual({
      ok: false,
      reason: 'secret-required',
    });
  });

  it('identifies a non-confidential app by its id alone, and refuses it a secret', () => {
    const client = clientOf(new AppStream('app-6').registeredNonConfidential());
    const none: PresentedClient = { method: 'none', clientId: 'app-6', secret: null };
    expect(authenticateClient(none, client, NOW)).toEqual({ ok: true, client, secretId: null });
    expect(authenticateClient(withSecret(secret.plaintext), client, NOW)).toEqual({
      ok: false,
      reason: 'no-secrets',
    });
  });
});
