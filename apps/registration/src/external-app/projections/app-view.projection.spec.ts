import { RegistrationEventPayload, ScopeGrant } from '@extapps/contracts';
import { ecKey, hashOf } from '../testing/fixtures';
import { AppView } from './app-view';
import { projectAll, projectApp } from './app-view.projection';
import { admin, storedEvent } from './testing/history';

const T0 = new Date('2026-03-01T12:00:00.000Z');
const T1 = new Date('2026-03-02T08:30:00.000Z');
const operator = { type: 'app' as const, id: 'ops-robot', ip: '10.0.0.7' };
const jobsRead: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' };
const jobs: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Jobs' };
const jwks = { keys: [ecKey('k-1').public] };
const secret = (n: number, expiresAt: string | null = null) => ({
  secretId: `sec-${n}`,
  hash: hashOf(n),
  hashAlgorithm: 'sha256' as const,
  description: `secret ${n}`,
  expiresAt,
});

const registeredConfidential: RegistrationEventPayload = {
  type: 'ExternalAppRegistered',
  data: {
    appId: 'app-1',
    name: 'Billing robot',
    type: 'confidential',
    redirectUris: ['https://billing.example.com/cb'],
    userScopes: [jobsRead],
    applicationScopes: [jobs],
    firstSecret: secret(1, '2026-09-01T00:00:00.000Z'),
  },
};

/** The app after registration (version 1, position 10), at T0 by the admin. */
const given = (): AppView =>
  projectApp(null, storedEvent('app-1', registeredConfidential, at(1, 10, T0)));

const at = (version: number, position: number, occurredAt = T1) => ({
  version,
  position,
  occurredAt,
  actor: version === 1 ? admin : operator,
});

/** Applies `payload` as version 2 at T1 by the operator. */
const when = (payload: RegistrationEventPayload, view = given()) =>
  projectApp(view, storedEvent('app-1', payload, at(view.version + 1, 42)));

const touched = { version: 2, updatedAt: T1, updatedBy: { type: 'app', id: 'ops-robot' } };

describe('projectApp', () => {
  it('given nothing, when a confidential app is registered, then its view has the first secret', () => {
    expect(given()).toEqual({
      id: 'app-1',
      name: 'Billing robot',
      type: 'confidential',
      status: 'active',
      redirectUris: ['https://billing.example.com/cb'],
      userScopes: [jobsRead],
      applicationScopes: [jobs],
      secrets: [
        {
          id: 'sec-1',
          description: 'secret 1',
          createdAt: T0,
          expiresAt: new Date('2026-09-01T00:00:00.000Z'),
          revokedAt: null,
          expiryWarnedAt: null,
        },
      ],
      jwks: null,
      accessTokenLifetimeSeconds: null,
      version: 1,
      createdAt: T0,
      createdBy: { type: 'user', id: 'admin-1', displayName: 'Ada Admin' },
      updatedAt: T0,
      updatedBy: { type: 'user', id: 'admin-1', displayName: 'Ada Admin' },
      lastPosition: 10,
    });
  });

  it('given nothing, when a non-confidential app is registered, then it has no secret', () => {
    const data = {
      ...registeredConfidential.data,
      appId: 'app-2',
      type: 'non-confidential',
      applicationScopes: [],
      firstSecret: null,
    };
    const view = projectApp(
      null,
      storedEvent(
        'app-2',
        { type: 'ExternalAppRegistered', data } as RegistrationEventPayload,
        at(1, 3),
      ),
    );

    expect(view).toMatchObject({ id: 'app-2', type: 'non-confidential', secrets: [] });
    expect(view.applicationScopes).toEqual([]);
  });

  it('given nothing, when an app registers keys and a token lifetime, then its view has both', () => {
    const data = { ...registeredConfidential.data, jwks, accessTokenLifetimeSeconds: 900 };
    const view = projectApp(
      null,
      storedEvent(
        'app-1',
        { type: 'ExternalAppRegistered', data } as RegistrationEventPayload,
        at(1, 10, T0),
      ),
    );

    expect(view).toEqual({ ...given(), jwks, accessTokenLifetimeSeconds: 900 });
  });

  it('when it is renamed, then the name is the new one', () => {
    const view = when({
      type: 'ExternalAppRenamed',
      data: { before: 'Billing robot', after: 'Invoicing' },
    });

    expect(view).toEqual({ ...given(), ...touched, name: 'Invoicing', lastPosition: 42 });
  });

  it('when its redirect URIs change, then they are the new ones', () => {
    const after = ['https://billing.example.com/cb2', 'http://127.0.0.1:8080/cb'];
    const view = when({
      type: 'RedirectUrisChanged',
      data: { before: ['https://billing.example.com/cb'], after },
    });

    expect(view).toEqual({ ...given(), ...touched, redirectUris: after, lastPosition: 42 });
  });

  it('when its scopes change, then both kinds are the new ones', () => {
    const view = when({
      type: 'ScopesChanged',
      data: {
        before: { userScopes: [jobsRead], applicationScopes: [jobs] },
        after: { userScopes: [], applicationScopes: [jobsRead] },
      },
    });

    expect(view).toEqual({
      ...given(),
      ...touched,
      userScopes: [],
      applicationScopes: [jobsRead],
      lastPosition: 42,
    });
  });

  it('when its keys are set, then the view holds the new set', () => {
    const view = when({ type: 'ClientKeysChanged', data: { before: null, after: jwks } });

    expect(view).toEqual({ ...given(), ...touched, jwks, lastPosition: 42 });
  });

  it('given keys, when they are removed, then the view has none', () => {
    const withKeys = when({ type: 'ClientKeysChanged', data: { before: null, after: jwks } });
    const view = when({ type: 'ClientKeysChanged', data: { before: jwks, after: null } }, withKeys);

    expect(view).toMatchObject({ jwks: null, version: 3 });
  });

  it('when its token lifetime is set, then the view holds it', () => {
    const view = when({ type: 'AccessTokenLifetimeChanged', data: { before: null, after: 1800 } });

    expect(view).toEqual({
      ...given(),
      ...touched,
      accessTokenLifetimeSeconds: 1800,
      lastPosition: 42,
    });
  });

  it('given a lifetime, when it is reset to the default, then the view holds null', () => {
    const set = when({ type: 'AccessTokenLifetimeChanged', data: { before: null, after: 1800 } });
    const view = when(
      { type: 'AccessTokenLifetimeChanged', data: { before: 1800, after: null } },
      set,
    );

    expect(view).toMatchObject({ accessTokenLifetimeSeconds: null, version: 3 });
  });

  it('when a secret is added, then it follows the existing ones, created at the event time', () => {
    const view = when({ type: 'SecretAdded', data: secret(2) });

    expect(view.secrets.map((s) => s.id)).toEqual(['sec-1', 'sec-2']);
    expect(view.secrets[1]).toEqual({
      id: 'sec-2',
      description: 'secret 2',
      createdAt: T1,
      expiresAt: null,
      revokedAt: null,
      expiryWarnedAt: null,
    });
    expect(view).toMatchObject(touched);
  });

  it('when a secret is revoked, then it is kept with its revocation time', () => {
    const view = when({ type: 'SecretRevoked', data: { secretId: 'sec-1' } });

    expect(view.secrets).toEqual([{ ...given().secrets[0], revokedAt: T1 }]);
    expect(view).toMatchObject(touched);
  });

  it('when a secret expires soon, then the warning time is recorded on it', () => {
    const view = when({
      type: 'SecretExpiringSoon',
      data: { secretId: 'sec-1', expiresAt: '2026-09-01T00:00:00.000Z' },
    });

    expect(view.secrets).toEqual([{ ...given().secrets[0], expiryWarnedAt: T1 }]);
    expect(view).toMatchObject(touched);
  });

  it('when it is disabled, then its status is disabled', () => {
    expect(when({ type: 'ExternalAppDisabled', data: {} })).toEqual({
      ...given(),
      ...touched,
      status: 'disabled',
      lastPosition: 42,
    });
  });

  it('given a disabled app, when it is enabled, then its status is active again', () => {
    const disabled = when({ type: 'ExternalAppDisabled', data: {} });
    const view = when({ type: 'ExternalAppEnabled', data: {} }, disabled);

    expect(view).toMatchObject({ status: 'active', version: 3, updatedAt: T1 });
  });

  it('when it is deleted, then its status is deleted and the rest is kept', () => {
    expect(when({ type: 'ExternalAppDeleted', data: {} })).toEqual({
      ...given(),
      ...touched,
      status: 'deleted',
      lastPosition: 42,
    });
  });

  it('refuses a change before the registration, and a second registration', () => {
    const renamed = storedEvent(
      'app-1',
      { type: 'ExternalAppRenamed', data: { before: 'a', after: 'b' } },
      at(1, 1),
    );
    const again = storedEvent('app-1', registeredConfidential, at(2, 2));

    expect(() => projectApp(null, renamed)).toThrow('precedes its registration');
    expect(() =>
      projectAll(null, [storedEvent('app-1', registeredConfidential, at(1, 1)), again]),
    ).toThrow('registered twice');
  });

  it('refuses a change to a secret the app does not have', () => {
    expect(() => when({ type: 'SecretRevoked', data: { secretId: 'sec-9' } })).toThrow(
      'no secret sec-9',
    );
  });
});
