import { decide, initialState } from './external-app.decider';
import {
  context,
  errorOf,
  given,
  hashOf,
  NOW,
  newSecret,
  registerConfidential,
  registerPublic,
} from './testing/fixtures';

describe('RegisterExternalApp', () => {
  it('given no app, when a confidential app registers, then it is registered with its first secret and resolved scopes', () => {
    expect(decide(registerConfidential, initialState, context)).toEqual({
      ok: true,
      events: [
        {
          type: 'ExternalAppRegistered',
          data: {
            appId: 'app-1',
            name: 'Billing robot',
            type: 'confidential',
            redirectUris: ['https://billing.example.com/callback'],
            userScopes: [{ resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' }],
            applicationScopes: [{ resource: 'OrchestratorApi', scope: 'OR.Jobs' }],
            firstSecret: {
              secretId: 'sec-1',
              hash: hashOf(1),
              hashAlgorithm: 'sha256',
              description: 'secret 1',
              expiresAt: null,
            },
          },
        },
      ],
    });
  });

  it('given no app, when a non-confidential app registers, then it has no secret', () => {
    const decision = given().when(registerPublic);
    expect(decision.ok && decision.events[0]?.data).toMatchObject({ firstSecret: null });
  });

  it('given no app, when the name has surrounding spaces, then it is stored trimmed', () => {
    const decision = given().when({ ...registerConfidential, name: '  Billing  ' });
    expect(decision.ok && decision.events[0]?.data).toMatchObject({ name: 'Billing' });
  });

  it('given a registered app, when it registers again, then app-already-exists', () => {
    expect(errorOf(given(registerConfidential).when(registerConfidential))?.code).toBe(
      'app-already-exists',
    );
  });

  it.each([
    ['blank', '   '],
    ['too long', 'x'.repeat(101)],
  ])('given no app, when the name is %s, then invalid-name', (_case, name) => {
    expect(errorOf(given().when({ ...registerConfidential, name }))).toMatchObject({
      code: 'invalid-name',
      field: 'name',
    });
  });

  it('given no app, when the name is exactly 100 characters, then it registers', () => {
    expect(given().when({ ...registerConfidential, name: 'x'.repeat(100) }).ok).toBe(true);
  });

  it('given no app, when the app id is malformed, then invalid-app-id', () => {
    expect(errorOf(given().when({ ...registerConfidential, appId: 'a b' }))?.code).toBe(
      'invalid-app-id',
    );
  });

  it('given no app, when a non-confidential app asks for application scopes, then scope-kind-not-allowed', () => {
    expect(
      errorOf(given().when({ ...registerPublic, applicationScopes: ['OR.Jobs'] })),
    ).toMatchObject({ code: 'scope-kind-not-allowed', field: 'applicationScopes' });
  });

  it('given no app, when a non-confidential app comes with a secret, then secret-not-allowed', () => {
    expect(errorOf(given().when({ ...registerPublic, firstSecret: newSecret(1) }))?.code).toBe(
      'secret-not-allowed',
    );
  });

  it('given no app, when a confidential app comes without a secret, then secret-required', () => {
    const { firstSecret: _none, ...withoutSecret } = registerConfidential;
    expect(errorOf(given().when(withoutSecret))?.code).toBe('secret-required');
  });

  it('given no app, when the first secret expires now, then secret-expiry-in-past', () => {
    const firstSecret = newSecret(1, NOW);
    expect(errorOf(given().when({ ...registerConfidential, firstSecret }))).toMatchObject({
      code: 'secret-expiry-in-past',
      field: 'firstSecret.expiresAt',
    });
  });

  it('given no app, when the first secret hash is a plaintext, then invalid-secret without echoing it', () => {
    const firstSecret = { ...newSecret(1), hash: 'extapps_plaintext_secret_value' };
    const error = errorOf(given().when({ ...registerConfidential, firstSecret }));
    expect(error).toMatchObject({ code: 'invalid-secret', field: 'firstSecret.hash' });
    expect(JSON.stringify(error)).not.toContain('extapps_plaintext');
  });

  it('given no app, when user scopes come without a redirect URI, then redirect-uri-required', () => {
    expect(errorOf(given().when({ ...registerConfidential, redirectUris: [] }))?.code).toBe(
      'redirect-uri-required',
    );
  });

  it('given no app, when a confidential app has only application scopes, then no redirect URI is needed', () => {
    const command = { ...registerConfidential, redirectUris: [], userScopes: [] };
    expect(given().when(command).ok).toBe(true);
  });

  it('given no app, when a redirect URI is invalid, then invalid-redirect-uri names it', () => {
    const redirectUris = ['https://ok.example.com/', 'http://evil.example.com/'];
    expect(errorOf(given().when({ ...registerConfidential, redirectUris }))).toMatchObject({
      code: 'invalid-redirect-uri',
      field: 'redirectUris[1]',
    });
  });
});
