import {
  AccessTokenLifetimeChanged,
  ClientKeysChanged,
  ExternalAppDeleted,
  ExternalAppDisabled,
  ExternalAppEnabled,
  ExternalAppRegistered,
  ExternalAppRenamed,
  RedirectUrisChanged,
  RegistrationEvent,
  ScopesChanged,
  SecretAdded,
  SecretExpiringSoon,
  SecretRevoked,
  Topics,
} from '@extapps/contracts';
import { normalizeRegistrationEvent } from './registration.normalizer';
import { admin, eventOf, RECORDED_AT, secretHash } from './testing/audit-events';

const normalize = (event: RegistrationEvent) =>
  normalizeRegistrationEvent(event, {
    source: Topics.registrationEvents,
    recordedAt: RECORDED_AT,
  });
const jobs = { resource: 'OrchestratorApi', scope: 'OR.Jobs' };
const secret = {
  secretId: 'sec-1',
  hash: secretHash,
  hashAlgorithm: 'sha256' as const,
  description: 'CI',
  expiresAt: '2026-12-31T00:00:00.000Z',
};
const key = {
  kty: 'EC' as const,
  crv: 'P-256' as const,
  kid: 'k1',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};

describe('normalizeRegistrationEvent', () => {
  it('ExternalAppRegistered: the whole app after, its first secret without the hash, from the envelope who and where', () => {
    const event = eventOf(ExternalAppRegistered, {
      appId: 'app-1',
      name: 'Billing robot',
      type: 'confidential',
      redirectUris: [],
      userScopes: [],
      applicationScopes: [jobs],
      firstSecret: secret,
    });

    expect(normalize(event)).toStrictEqual({
      eventId: event.eventId,
      eventType: 'ExternalAppRegistered',
      source: 'extapps.registration.events.v1',
      occurredAt: '2026-05-04T10:00:00.000Z',
      recordedAt: '2026-05-04T10:00:00.250Z',
      actor: { type: 'user', id: admin.id, displayName: 'Ada Admin' },
      action: 'app.registered',
      category: 'app-management',
      target: { type: 'app', id: 'app-1', name: 'Billing robot' },
      outcome: { status: 'success', reason: null },
      sourceIp: '203.0.113.9',
      userAgent: 'curl/8.5',
      correlationId: 'corr-1',
      changes: {
        before: null,
        after: {
          appId: 'app-1',
          name: 'Billing robot',
          type: 'confidential',
          redirectUris: [],
          userScopes: [],
          applicationScopes: [jobs],
          firstSecret: { secretId: 'sec-1', description: 'CI', expiresAt: secret.expiresAt },
          jwks: null,
          accessTokenLifetimeSeconds: null,
        },
      },
    });
    expect(JSON.stringify(normalize(event))).not.toContain(secretHash);
  });

  it('ExternalAppRenamed: the name before and after, the new name on the target', () => {
    const record = normalize(eventOf(ExternalAppRenamed, { before: 'Old', after: 'New' }));

    expect(record).toMatchObject({
      action: 'app.renamed',
      target: { type: 'app', id: 'app-1', name: 'New' },
      changes: { before: { name: 'Old' }, after: { name: 'New' } },
    });
  });

  it('RedirectUrisChanged: the URIs before and after', () => {
    const uris = { before: ['https://a.example/cb'], after: ['https://b.example/cb'] };

    expect(normalize(eventOf(RedirectUrisChanged, uris))).toMatchObject({
      action: 'app.redirect-uris-changed',
      target: { type: 'app', id: 'app-1', name: null },
      changes: { before: { redirectUris: uris.before }, after: { redirectUris: uris.after } },
    });
  });

  it('ScopesChanged: both kinds of scopes before and after', () => {
    const before = { userScopes: [], applicationScopes: [] };
    const after = { userScopes: [], applicationScopes: [jobs] };

    expect(normalize(eventOf(ScopesChanged, { before, after }))).toMatchObject({
      action: 'app.scopes-changed',
      changes: { before, after },
    });
  });

  it('ClientKeysChanged: the public keys before (none) and after', () => {
    const after = { keys: [key] };

    expect(normalize(eventOf(ClientKeysChanged, { before: null, after }))).toMatchObject({
      action: 'app.client-keys-changed',
      changes: { before: { jwks: null }, after: { jwks: after } },
    });
  });

  it('AccessTokenLifetimeChanged: the lifetime before and after (null: the default)', () => {
    const event = eventOf(AccessTokenLifetimeChanged, { before: null, after: 900 });

    expect(normalize(event)).toMatchObject({
      action: 'app.access-token-lifetime-changed',
      changes: {
        before: { accessTokenLifetimeSeconds: null },
        after: { accessTokenLifetimeSeconds: 900 },
      },
    });
  });

  it('SecretAdded: the new secret, never its hash', () => {
    const record = normalize(eventOf(SecretAdded, secret));

    expect(record).toMatchObject({
      action: 'app.secret-added',
      target: { type: 'app', id: 'app-1' },
      changes: {
        before: null,
        after: { secretId: 'sec-1', description: 'CI', expiresAt: secret.expiresAt },
      },
    });
    expect(JSON.stringify(record)).not.toContain(secretHash);
  });

  it('SecretRevoked: the secret revoked after, not before', () => {
    expect(normalize(eventOf(SecretRevoked, { secretId: 'sec-1' }))).toMatchObject({
      action: 'app.secret-revoked',
      changes: {
        before: { secretId: 'sec-1', revoked: false },
        after: { secretId: 'sec-1', revoked: true },
      },
    });
  });

  it('SecretExpiringSoon: by the system, the secret warned after', () => {
    const system = { type: 'system' as const, id: 'secret-expiry-check' };
    const data = { secretId: 'sec-1', expiresAt: '2026-05-10T00:00:00.000Z' };
    const record = normalize(eventOf(SecretExpiringSoon, data, { actor: system }));

    expect(record).toMatchObject({
      action: 'app.secret-expiring-soon',
      actor: { type: 'system', id: 'secret-expiry-check', displayName: null },
      sourceIp: null,
      userAgent: null,
      changes: { before: { ...data, expiryWarned: false }, after: { ...data, expiryWarned: true } },
    });
  });

  it('ExternalAppDisabled: active before, disabled after', () => {
    expect(normalize(eventOf(ExternalAppDisabled, {}))).toMatchObject({
      action: 'app.disabled',
      changes: { before: { status: 'active' }, after: { status: 'disabled' } },
    });
  });

  it('ExternalAppEnabled: disabled before, active after', () => {
    expect(normalize(eventOf(ExternalAppEnabled, {}))).toMatchObject({
      action: 'app.enabled',
      changes: { before: { status: 'disabled' }, after: { status: 'active' } },
    });
  });

  it('ExternalAppDeleted: no changes, the status before is not in the event', () => {
    expect(normalize(eventOf(ExternalAppDeleted, {}, { streamId: 'app-9' }))).toMatchObject({
      action: 'app.deleted',
      category: 'app-management',
      target: { type: 'app', id: 'app-9', name: null },
      outcome: { status: 'success', reason: null },
      changes: null,
    });
  });

  it('given an occurredAt without milliseconds, then the record has the fixed-width form', () => {
    const event = { ...eventOf(ExternalAppEnabled, {}), occurredAt: '2026-05-04T10:00:00Z' };

    expect(normalize(event).occurredAt).toBe('2026-05-04T10:00:00.000Z');
  });
});
