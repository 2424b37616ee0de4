import { RegistrationEvent } from '@extapps/contracts';
import { AppStream, appsRead, jobs, jobsRead, newSecret } from '../testing/app-events';
import { Client } from './client';
import { projectClient } from './client.projection';
import { jwksOf, newClientKey } from './testing/client-keys';

const firstSecret = newSecret(new Date('2027-01-01T00:00:00.000Z'));
const jwks = jwksOf(newClientKey('k-1'), newClientKey('k-2'));

/** Folds events as the client table does, failing on any event that is not applied. */
function given(...events: RegistrationEvent[]): Client | undefined {
  return events.reduce<Client | undefined>((client, event) => {
    const outcome = projectClient(client, event);
    if (outcome.kind !== 'applied') throw new Error(`${event.type} was ${outcome.reason}`);
    return outcome.client;
  }, undefined);
}

function applied(current: Client | undefined, event: RegistrationEvent): Client {
  const outcome = projectClient(current, event);
  if (outcome.kind !== 'applied') throw new Error(`expected ${event.type} to apply`);
  return outcome.client;
}

describe('client projection', () => {
  let app: AppStream;
  let registered: Client | undefined;
  beforeEach(() => {
    app = new AppStream('app-1');
    registered = given(app.registeredConfidential(firstSecret, [jobs, appsRead]));
  });

  it('ExternalAppRegistered: a new active client with its scopes and first secret', () => {
    expect(registered).toEqual({
      clientId: 'app-1',
      version: 1,
      name: 'Robot app-1',
      type: 'confidential',
      status: 'active',
      redirectUris: [],
      userScopes: [],
      applicationScopes: [jobs, appsRead],
      secrets: [
        {
          secretId: firstSecret.data.secretId,
          hash: firstSecret.data.hash,
          expiresAt: Date.parse('2027-01-01T00:00:00.000Z'),
          revoked: false,
        },
      ],
      jwks: null,
      accessTokenLifetimeSeconds: null,
    });
  });

  it('ExternalAppRegistered: the keys and token lifetime the app registered', () => {
    const stream = new AppStream('app-3');
    const client = given(
      stream.registeredConfidential(firstSecret, [jobs], { jwks, accessTokenLifetimeSeconds: 900 }),
    );
    expect(client).toMatchObject({ jwks, accessTokenLifetimeSeconds: 900 });
  });

  it('ExternalAppRegistered: a non-confidential client has no secret', () => {
    const client = given(new AppStream('app-2').registeredNonConfidential());
    expect(client).toMatchObject({ type: 'non-confidential', secrets: [], userScopes: [jobsRead] });
  });

  it('ExternalAppRenamed: the new name', () => {
    const client = applied(registered, app.renamed('Robot app-1', 'Billing'));
    expect(client).toMatchObject({ name: 'Billing', version: 2 });
  });

  it('RedirectUrisChanged: the new redirect URIs', () => {
    const uris = ['https://billing.example.com/cb'];
    expect(applied(registered, app.redirectUrisChanged([], uris)).redirectUris).toEqual(uris);
  });

  it('ScopesChanged: the new user and application scopes', () => {
    const before = { userScopes: [], applicationScopes: [jobs, appsRead] };
    const after = { userScopes: [jobsRead], applicationScopes: [appsRead] };
    const client = applied(registered, app.scopesChanged(before, after));
    expect(client).toMatchObject({ userScopes: [jobsRead], applicationScopes: [appsRead] });
  });

  it('ClientKeysChanged: the new keys', () => {
    expect(applied(registered, app.clientKeysChanged(null, jwks))).toMatchObject({
      jwks,
      version: 2,
    });
  });

  it('ClientKeysChanged to null: no keys any more', () => {
    const withKeys = applied(registered, app.clientKeysChanged(null, jwks));
    expect(applied(withKeys, app.clientKeysChanged(jwks, null)).jwks).toBeNull();
  });

  it("AccessTokenLifetimeChanged: the app's own lifetime", () => {
    const client = applied(registered, app.accessTokenLifetimeChanged(null, 1800));
    expect(client).toMatchObject({ accessTokenLifetimeSeconds: 1800, version: 2 });
  });

  it('AccessTokenLifetimeChanged to null: the service default again', () => {
    const withLifetime = applied(registered, app.accessTokenLifetimeChanged(null, 1800));
    const client = applied(withLifetime, app.accessTokenLifetimeChanged(1800, null));
    expect(client.accessTokenLifetimeSeconds).toBeNull();
  });

  it('SecretAdded: a further secret, without expiry when it has none', () => {
    const second = newSecret(null);
    const client = applied(registered, app.secretAdded(second));
    expect(client.secrets.map((s) => [s.secretId, s.expiresAt])).toEqual([
      [firstSecret.data.secretId, Date.parse('2027-01-01T00:00:00.000Z')],
      [second.data.secretId, null],
    ]);
  });

  it('SecretRevoked: that secret is revoked, the others are not', () => {
    const second = newSecret();
    const withTwo = applied(registered, app.secretAdded(second));
    const client = applied(withTwo, app.secretRevoked(firstSecret));
    expect(client.secrets.map((s) => [s.secretId, s.revoked])).toEqual([
      [firstSecret.data.secretId, true],
      [second.data.secretId, false],
    ]);
  });

  it('SecretExpiringSoon: only the version moves', () => {
    const client = applied(registered, app.secretExpiringSoon(firstSecret));
    expect(client).toEqual({ ...registered, version: 2 });
  });

  it('ExternalAppDisabled: the client is disabled', () => {
    expect(applied(registered, app.disabled()).status).toBe('disabled');
  });

  it('ExternalAppEnabled: a disabled client is active again', () => {
    const disabled = applied(registered, app.disabled());
    expect(applied(disabled, app.enabled()).status).toBe('active');
  });

  it('ExternalAppDeleted: the client is deleted and keeps no secret', () => {
    expect(applied(registered, app.deleted())).toMatchObject({ status: 'deleted', secrets: [] });
  });

  it('skips a stream version already applied, so a redelivered event changes nothing', () => {
    const disabled = app.disabled();
    const once = applied(registered, disabled);
    expect(projectClient(once, disabled)).toEqual({ kind: 'skipped', reason: 'duplicate' });
    expect(projectClient(once, new AppStream('app-1').registeredConfidential(firstSecret))).toEqual(
      {
        kind: 'skipped',
        reason: 'duplicate',
      },
    );
  });

  it('skips an event of an app whose registration it never saw', () => {
    const stream = new AppStream('app-4');
    stream.registeredConfidential(firstSecret);
    expect(projectClient(undefined, stream.disabled())).toEqual({
      kind: 'skipped',
      reason: 'unknown-app',
    });
  });

  it('skips anything after deletion: deletion is final', () => {
    const deleted = applied(registered, app.deleted());
    expect(projectClient(deleted, app.enabled())).toEqual({ kind: 'skipped', reason: 'deleted' });
  });
});
