import { errorOf, given, registerConfidential, registerPublic } from './testing/fixtures';

const app = () => given(registerConfidential);

describe('RenameExternalApp', () => {
  it('given an app, when renamed, then ExternalAppRenamed carries before and after', () => {
    expect(app().when({ type: 'RenameExternalApp', name: ' Payroll robot ' })).toEqual({
      ok: true,
      events: [
        { type: 'ExternalAppRenamed', data: { before: 'Billing robot', after: 'Payroll robot' } },
      ],
    });
  });

  it('given an app, when renamed to its current name, then no event', () => {
    expect(app().when({ type: 'RenameExternalApp', name: 'Billing robot ' })).toEqual({
      ok: true,
      events: [],
    });
  });

  it('given an app, when renamed to blank, then invalid-name', () => {
    expect(errorOf(app().when({ type: 'RenameExternalApp', name: '' }))?.code).toBe('invalid-name');
  });
});

describe('ChangeRedirectUris', () => {
  const before = ['https://billing.example.com/callback'];

  it('given an app, when its redirect URIs change, then RedirectUrisChanged carries before and after', () => {
    const after = ['http://localhost:4200/cb', 'https://billing.example.com/v2'];
    expect(app().when({ type: 'ChangeRedirectUris', redirectUris: after })).toEqual({
      ok: true,
      events: [{ type: 'RedirectUrisChanged', data: { before, after } }],
    });
  });

  it('given an app, when the same URIs are set again, then no event', () => {
    expect(app().when({ type: 'ChangeRedirectUris', redirectUris: before })).toEqual({
      ok: true,
      events: [],
    });
  });

  it('given an app with user scopes, when all redirect URIs are removed, then redirect-uri-required', () => {
    expect(errorOf(app().when({ type: 'ChangeRedirectUris', redirectUris: [] }))?.code).toBe(
      'redirect-uri-required',
    );
  });

  it('given an app, when a redirect URI has a wildcard, then invalid-redirect-uri', () => {
    const redirectUris = ['https://*.example.com/cb'];
    expect(errorOf(app().when({ type: 'ChangeRedirectUris', redirectUris }))?.code).toBe(
      'invalid-redirect-uri',
    );
  });
});

describe('ChangeScopes', () => {
  const jobsRead = { resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' };
  const jobs = { resource: 'OrchestratorApi', scope: 'OR.Jobs' };

  it('given an app, when only application scopes change, then ScopesChanged keeps the user scopes', () => {
    const decision = app().when({
      type: 'ChangeScopes',
      applicationScopes: ['DU.Digitization.Api'],
    });
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'ScopesChanged',
          data: {
            before: { userScopes: [jobsRead], applicationScopes: [jobs] },
            after: {
              userScopes: [jobsRead],
              applicationScopes: [
                { resource: 'DocumentUnderstanding', scope: 'DU.Digitization.Api' },
              ],
            },
          },
        },
      ],
    });
  });

  it('given an app, when the same scopes are set in another order, then no event', () => {
    const setup = given({
      ...registerConfidential,
      applicationScopes: ['OR.Jobs', 'OR.Jobs.Read'],
    });
    const decision = setup.when({
      type: 'ChangeScopes',
      applicationScopes: ['OR.Jobs.Read', 'OR.Jobs'],
    });
    expect(decision).toEqual({ ok: true, events: [] });
  });

  it('given an app without redirect URIs, when user scopes are added, then redirect-uri-required', () => {
    const setup = given({ ...registerConfidential, redirectUris: [], userScopes: [] });
    expect(errorOf(setup.when({ type: 'ChangeScopes', userScopes: ['OR.Jobs.Read'] }))?.code).toBe(
      'redirect-uri-required',
    );
  });

  it('given a non-confidential app, when application scopes are added, then scope-kind-not-allowed', () => {
    const decision = given(registerPublic).when({
      type: 'ChangeScopes',
      applicationScopes: ['OR.Jobs'],
    });
    expect(errorOf(decision)?.code).toBe('scope-kind-not-allowed');
  });

  it('given an app, when a scope is unknown, then unknown-scope', () => {
    expect(errorOf(app().when({ type: 'ChangeScopes', userScopes: ['OR.Nope'] }))?.code).toBe(
      'unknown-scope',
    );
  });
});
