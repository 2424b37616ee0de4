import { generateKeyPairSync } from 'node:crypto';
import { createEnvelope } from '../events/create-envelope';
import { EventDefinition } from '../events/event-definition';
import { EventRegistry } from '../events/event-registry';
import {
  AccessTokenLifetimeChanged,
  ClientKeysChanged,
  ExternalAppDeleted,
  ExternalAppDisabled,
  ExternalAppEnabled,
  ExternalAppRegistered,
  ExternalAppRenamed,
  RedirectUrisChanged,
  registrationEvents,
  RegistrationEventPayload,
  ScopesChanged,
  SecretAdded,
  SecretExpiringSoon,
  SecretRevoked,
} from './registration-events';

const hash = `sha256:${'A'.repeat(43)}`;
const secret = {
  secretId: 'sec-1',
  hash,
  hashAlgorithm: 'sha256',
  description: 'CI pipeline',
  expiresAt: '2027-01-01T00:00:00.000Z',
};
const jobsRead = { resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' };
const confidentialApp = {
  appId: '0197a0b0-0000-7000-8000-000000000001',
  name: 'Billing robot',
  type: 'confidential',
  redirectUris: ['https://billing.example.com/callback'],
  userScopes: [jobsRead],
  applicationScopes: [{ resource: 'OrchestratorApi', scope: 'OR.Jobs' }],
  firstSecret: secret,
};
const publicApp = {
  ...confidentialApp,
  type: 'non-confidential',
  applicationScopes: [],
  firstSecret: null,
};
const scopes = { userScopes: [jobsRead], applicationScopes: [] };
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const keys = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k-1', alg: 'ES256' }] };
const privateKeys = { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'k-1' }] };
const withClientSettings = { ...confidentialApp, jwks: keys, accessTokenLifetimeSeconds: 900 };

const samples = [
  [ExternalAppRegistered, confidentialApp],
  [ExternalAppRenamed, { before: 'Old', after: 'New' }],
  [RedirectUrisChanged, { before: [], after: ['http://127.0.0.1:8080/cb'] }],
  [ScopesChanged, { before: scopes, after: { userScopes: [], applicationScopes: [] } }],
  [ClientKeysChanged, { before: null, after: keys }],
  [AccessTokenLifetimeChanged, { before: 900, after: null }],
  [SecretAdded, secret],
  [SecretRevoked, { secretId: 'sec-1' }],
  [SecretExpiringSoon, { secretId: 'sec-1', expiresAt: '2027-01-01T00:00:00.000Z' }],
  [ExternalAppDisabled, {}],
  [ExternalAppEnabled, {}],
  [ExternalAppDeleted, {}],
] as const;

const accepts =
  (definition: { data: { safeParse(v: unknown): { success: boolean } } }) => (data: unknown) =>
    definition.data.safeParse(data).success;

describe('registration events', () => {
  it('defines every event once, at schema version 1, with a past-tense type', () => {
    expect(() => new EventRegistry([...registrationEvents])).not.toThrow();
    expect(registrationEvents.map((d) => d.schemaVersion)).toEqual(Array(12).fill(1));
    expect(samples.map(([d]) => d.type).sort()).toEqual(
      registrationEvents.map((d) => d.type).sort(),
    );
  });

  it.each(samples.map(([d, data]) => [d.type, d, data] as const))(
    '%s accepts a valid sample inside an envelope',
    (_type, definition, data) => {
      const envelope = createEnvelope(
        definition as EventDefinition<string, Record<string, unknown>>,
        data,
        {
          streamId: confidentialApp.appId,
          streamVersion: 1,
          occurredAt: new Date('2026-01-01T00:00:00.000Z'),
          actor: { type: 'user', id: 'admin' },
          correlationId: 'c-1',
          causationId: null,
        },
      );
      const parsed = new EventRegistry([...registrationEvents]).parse(
        JSON.parse(JSON.stringify(envelope)),
      );
      expect(parsed.data).toEqual(data);
    },
  );

  it('accepts a non-confidential app without secret or application scopes', () => {
    expect(accepts(ExternalAppRegistered)(publicApp)).toBe(true);
  });

  it('accepts a registration with or without keys and lifetime (events stored before them)', () => {
    const { jwks: _jwks, accessTokenLifetimeSeconds: _seconds, ...old } = withClientSettings;

    expect(ExternalAppRegistered.data.parse(withClientSettings)).toEqual(withClientSettings);
    expect(ExternalAppRegistered.data.parse(old)).toEqual(confidentialApp);
    expect(accepts(ExternalAppRegistered)({ ...publicApp, accessTokenLifetimeSeconds: 300 })).toBe(
      true,
    );
    expect(
      accepts(ExternalAppRegistered)({ ...old, jwks: null, accessTokenLifetimeSeconds: null }),
    ).toBe(true);
  });

  it.each([
    [
      'a plaintext secret as hash',
      { ...secret, hash: 'extapps_s3cr3tPlaintextValue0123456789abcdefghij' },
    ],
    ['a hash without its algorithm prefix', { ...secret, hash: 'A'.repeat(43) }],
    ['a truncated hash', { ...secret, hash: 'sha256:abc' }],
    [
      'an unknown hash algorithm',
      { ...secret, hashAlgorithm: 'md5', hash: `md5:${'A'.repeat(43)}` },
    ],
    ['an expiry with an offset', { ...secret, expiresAt: '2027-01-01T00:00:00+02:00' }],
    ['a plaintext field', { ...secret, plaintext: 'x' }],
    ['a description over 200 characters', { ...secret, description: 'x'.repeat(201) }],
  ])('SecretAdded refuses %s', (_case, data) => {
    expect(accepts(SecretAdded)(data)).toBe(false);
  });

  it.each([
    ['a confidential app without first secret', { ...confidentialApp, firstSecret: null }],
    ['a non-confidential app with a secret', { ...publicApp, firstSecret: secret }],
    [
      'a non-confidential app with application scopes',
      { ...publicApp, applicationScopes: [jobsRead] },
    ],
    ['user scopes without a redirect URI', { ...confidentialApp, redirectUris: [] }],
    [
      'a plaintext first secret',
      { ...confidentialApp, firstSecret: { ...secret, hash: 'hunter2' } },
    ],
    ['an untrimmed name', { ...confidentialApp, name: ' Billing' }],
    ['an empty name', { ...confidentialApp, name: '' }],
    ['an unknown type', { ...confidentialApp, type: 'public' }],
    ['a scope without its resource', { ...confidentialApp, userScopes: ['OR.Jobs.Read'] }],
    ['a duplicated scope', { ...confidentialApp, userScopes: [jobsRead, jobsRead] }],
    [
      'duplicated redirect URIs',
      { ...confidentialApp, redirectUris: ['https://a.example', 'https://a.example'] },
    ],
    [
      'eleven redirect URIs',
      {
        ...confidentialApp,
        redirectUris: Array.from({ length: 11 }, (_, i) => `https://a.example/${i}`),
      },
    ],
    ['an app id with spaces', { ...confidentialApp, appId: 'my app' }],
    ['a non-confidential app with a JWKS', { ...publicApp, jwks: keys }],
    ['a private key in its JWKS', { ...confidentialApp, jwks: privateKeys }],
    ['a lifetime under 300 s', { ...confidentialApp, accessTokenLifetimeSeconds: 299 }],
    ['a lifetime over a day', { ...confidentialApp, accessTokenLifetimeSeconds: 86_401 }],
  ])('ExternalAppRegistered refuses %s', (_case, data) => {
    expect(accepts(ExternalAppRegistered)(data)).toBe(false);
  });

  it.each([
    { definition: ExternalAppRenamed, data: { before: 'Old' } },
    { definition: ExternalAppRenamed, data: { before: 'Old', after: 'x'.repeat(101) } },
    { definition: RedirectUrisChanged, data: { before: [], after: [''] } },
    { definition: ScopesChanged, data: { before: scopes, after: { userScopes: [] } } },
    { definition: ClientKeysChanged, data: { before: null, after: privateKeys } },
    { definition: ClientKeysChanged, data: { before: null, after: { keys: [] } } },
    { definition: ClientKeysChanged, data: { after: keys } },
    { definition: AccessTokenLifetimeChanged, data: { before: null, after: 60 } },
    { definition: AccessTokenLifetimeChanged, data: { before: null, after: 900.5 } },
    { definition: SecretRevoked, data: { secretId: '' } },
    { definition: SecretRevoked, data: { secretId: 'sec 1' } },
    { definition: SecretExpiringSoon, data: { secretId: 'sec-1' } },
    { definition: SecretExpiringSoon, data: { secretId: 'sec-1', expiresAt: 'soon' } },
    { definition: ExternalAppDisabled, data: { reason: 'x' } },
    { definition: ExternalAppEnabled, data: { reason: 'x' } },
    { definition: ExternalAppDeleted, data: { reason: 'x' } },
  ])('$definition.type refuses $data', ({ definition, data }) => {
    expect(accepts(definition)(data)).toBe(false);
  });

  it('types payloads by their literal', () => {
    const payload: RegistrationEventPayload = { type: 'SecretRevoked', data: { secretId: 's' } };
    const secretId = payload.type === 'SecretRevoked' ? payload.data.secretId : undefined;
    expect(secretId).toBe('s');
  });
});
