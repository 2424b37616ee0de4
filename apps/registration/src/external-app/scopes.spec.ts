import { errorOf, given, registerConfidential, registerPublic } from './testing/fixtures';

describe('scopes against the resource catalog', () => {
  it('given no app, when a scope is not in the catalog, then unknown-scope names it', () => {
    const command = { ...registerConfidential, userScopes: ['OR.Jobs.Read', 'OR.Robots.Read'] };
    expect(errorOf(given().when(command))).toMatchObject({
      code: 'unknown-scope',
      field: 'userScopes[1]',
    });
  });

  it('given no app, when an application-only scope is asked as a user scope, then unknown-scope says its kind', () => {
    const error = errorOf(given().when({ ...registerConfidential, userScopes: ['OR.Jobs'] }));
    expect(error).toMatchObject({ code: 'unknown-scope', field: 'userScopes[0]' });
    expect(error?.message).toContain('application scope');
  });

  it('given no app, when a user-only scope is asked as an application scope, then unknown-scope', () => {
    const command = { ...registerConfidential, applicationScopes: ['OR.Folders.Read'] };
    expect(errorOf(given().when(command))?.code).toBe('unknown-scope');
  });

  it('given no app, when a name exists as both kinds, then each kind resolves to its resource', () => {
    const command = {
      ...registerConfidential,
      userScopes: ['OR.Jobs.Read'],
      applicationScopes: ['OR.Jobs.Read', 'DU.Digitization.Api'],
    };
    const decision = given().when(command);
    expect(decision.ok && decision.events[0]?.data).toMatchObject({
      userScopes: [{ resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' }],
      applicationScopes: [
        { resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' },
        { resource: 'DocumentUnderstanding', scope: 'DU.Digitization.Api' },
      ],
    });
  });

  it('given no app, when a scope is listed twice, then duplicate-scope', () => {
    const command = { ...registerPublic, userScopes: ['OR.Folders.Read', 'OR.Folders.Read'] };
    expect(errorOf(given().when(command))).toMatchObject({
      code: 'duplicate-scope',
      field: 'userScopes[1]',
    });
  });
});
