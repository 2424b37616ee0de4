import { RegistrationEventPayload } from '@extapps/contracts';
import { evolve, initialState, rebuild } from './external-app.state';
import { activeSecrets } from './secrets';
import { ecKey, given, LATER, NOW, newSecret, registerConfidential } from './testing/fixtures';

const registered = () => rebuild(given(registerConfidential).events);
const registration = given(registerConfidential).events[0] as RegistrationEventPayload;
const secret2 = { ...newSecret(2), expiresAt: LATER.toISOString() };
const jwks = { keys: [ecKey('k-1').public] };

describe('evolve', () => {
  it('ExternalAppRegistered makes an active app holding its first secret', () => {
    expect(evolve(initialState, registration)).toEqual({
      status: 'active',
      appId: 'app-1',
      name: 'Billing robot',
      type: 'confidential',
      redirectUris: ['https://billing.example.com/callback'],
      userScopes: [{ resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' }],
      applicationScopes: [{ resource: 'OrchestratorApi', scope: 'OR.Jobs' }],
      secrets: [{ ...newSecret(1), expiresAt: null, revoked: false, expiryWarned: false }],
      jwks: null,
      accessTokenLifetimeSeconds: null,
    });
  });

  it('ExternalAppRegistered with keys and a token lifetime keeps both', () => {
    const { events } = given({ ...registerConfidential, jwks, accessTokenLifetimeSeconds: 900 });
    expect(rebuild(events)).toMatchObject({ jwks, accessTokenLifetimeSeconds: 900 });
  });

  it.each<[string, RegistrationEventPayload, object]>([
    [
      'ExternalAppRenamed',
      { type: 'ExternalAppRenamed', data: { before: 'Billing robot', after: 'B' } },
      { name: 'B' },
    ],
    [
      'RedirectUrisChanged',
      { type: 'RedirectUrisChanged', data: { before: [], after: ['https://x.example.com/'] } },
      { redirectUris: ['https://x.example.com/'] },
    ],
    [
      'ScopesChanged',
      {
        type: 'ScopesChanged',
        data: {
          before: { userScopes: [], applicationScopes: [] },
          after: { userScopes: [], applicationScopes: [{ resource: 'R', scope: 'A.B' }] },
        },
      },
      { userScopes: [], applicationScopes: [{ resource: 'R', scope: 'A.B' }] },
    ],
    [
      'ClientKeysChanged',
      { type: 'ClientKeysChanged', data: { before: null, after: jwks } },
      { jwks },
    ],
    [
      'AccessTokenLifetimeChanged',
      { type: 'AccessTokenLifetimeChanged', data: { before: null, after: 1800 } },
      { accessTokenLifetimeSeconds: 1800 },
    ],
    ['ExternalAppDisabled', { type: 'ExternalAppDisabled', data: {} }, { status: 'disabled' }],
    ['ExternalAppDeleted', { type: 'ExternalAppDeleted', data: {} }, { status: 'deleted' }],
  ])('%s updates the app', (_type, event, expected) => {
    expect(evolve(registered(), event)).toMatchObject(expected);
  });

  it('ExternalAppEnabled makes a disabled app active', () => {
    const disabled = evolve(registered(), { type: 'ExternalAppDisabled', data: {} });
    expect(evolve(disabled, { type: 'ExternalAppEnabled', data: {} })).toMatchObject({
      status: 'active',
    });
  });

  it('SecretAdded appends an active secret; SecretRevoked marks only that one revoked', () => {
    const added = evolve(registered(), { type: 'SecretAdded', data: secret2 });
    const revoked = evolve(added, { type: 'SecretRevoked', data: { secretId: 'sec-1' } });
    expect(revoked.status !== 'unregistered' && revoked.secrets).toEqual([
      { ...newSecret(1), expiresAt: null, revoked: true, expiryWarned: false },
      { ...secret2, revoked: false, expiryWarned: false },
    ]);
    expect(revoked.status !== 'unregistered' && activeSecrets(revoked.secrets, NOW)).toHaveLength(
      1,
    );
  });

  it('an event before registration means a corrupt stream', () => {
    expect(() => evolve(initialState, { type: 'ExternalAppDeleted', data: {} })).toThrow(
      /never registered/,
    );
  });

  it('a second registration means a corrupt stream', () => {
    expect(() => evolve(registered(), registration)).toThrow(/registered twice/);
  });
});
