import { checkAuthorizationRequest } from './request-validation';
import {
  appsRead,
  clientOf,
  foldersRead,
  jobsRead,
  StaticClientLookup,
} from './testing/static-client-lookup';

const REDIRECT = 'https://app.example.com/callback';
const clients = new StaticClientLookup(
  clientOf({
    clientId: 'one-1',
    type: 'confidential',
    userScopes: [jobsRead, foldersRead],
    applicationScopes: [appsRead],
  }),
  clientOf({ clientId: 'two-1', type: 'confidential', userScopes: [jobsRead, appsRead] }),
);

function check(clientId: string, params: Record<string, string>) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    ...params,
  });
  return checkAuthorizationRequest(query, clients);
}

const refused = (error: string) => ({ kind: 'refused', error: { error } });

describe('authorization request: scopes and audience', () => {
  it('grants the requested user scopes with their resource as the audience', () => {
    expect(check('one-1', { scope: 'OR.Folders.Read' })).toMatchObject({
      kind: 'valid',
      request: { scopes: ['OR.Folders.Read'], audience: 'OrchestratorApi', offlineAccess: false },
    });
  });

  it('takes every user scope when none is asked (one resource)', () => {
    expect(check('one-1', {})).toMatchObject({
      kind: 'valid',
      request: { scopes: ['OR.Jobs.Read', 'OR.Folders.Read'] },
    });
  });

  it('refuses a scope the app does not hold as invalid_scope', () => {
    expect(check('one-1', { scope: 'OR.Queues.Read' })).toMatchObject(refused('invalid_scope'));
  });

  it('refuses an application scope of the app: this flow grants user scopes only', () => {
    expect(check('one-1', { scope: 'extapps.apps.read' })).toMatchObject(refused('invalid_scope'));
  });

  it('refuses a malformed scope list as invalid_scope', () => {
    expect(check('one-1', { scope: 'OR.Jobs.Read  OR.Folders.Read' })).toMatchObject(
      refused('invalid_scope'),
    );
  });

  it('grants offline_access to any app with user scopes, apart from the user scopes', () => {
    expect(check('one-1', { scope: 'offline_access OR.Jobs.Read' })).toMatchObject({
      kind: 'valid',
      request: { scopes: ['OR.Jobs.Read'], offlineAccess: true },
    });
  });

  it('reads offline_access alone as every user scope plus offline access', () => {
    expect(check('one-1', { scope: 'offline_access' })).toMatchObject({
      kind: 'valid',
      request: { scopes: ['OR.Jobs.Read', 'OR.Folders.Read'], offlineAccess: true },
    });
  });

  it('refuses scopes of several resources without resource as invalid_target', () => {
    expect(check('two-1', { scope: 'OR.Jobs.Read extapps.apps.read' })).toMatchObject(
      refused('invalid_target'),
    );
  });

  it('picks the audience by resource (RFC 8707)', () => {
    expect(check('two-1', { resource: 'ExtAppsAdminApi' })).toMatchObject({
      kind: 'valid',
      request: { scopes: ['extapps.apps.read'], audience: 'ExtAppsAdminApi' },
    });
  });

  it('refuses a resource the app holds no user scope of as invalid_target', () => {
    expect(check('one-1', { resource: 'ExtAppsAdminApi' })).toMatchObject(
      refused('invalid_target'),
    );
  });
});
