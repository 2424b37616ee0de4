import { RequestCheck } from './authorization-request';
import { checkAuthorizationRequest } from './request-validation';
import { appsRead, clientOf, jobsRead, StaticClientLookup } from './testing/static-client-lookup';

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const REDIRECT = 'https://app.example.com/callback';

const desktop = clientOf();
const web = clientOf({ clientId: 'web-1', type: 'confidential' });
const clients = new StaticClientLookup(
  desktop,
  web,
  clientOf({
    clientId: 'robot-1',
    type: 'confidential',
    userScopes: [],
    applicationScopes: [jobsRead],
  }),
  clientOf({ clientId: 'wide-1', userScopes: [jobsRead, appsRead] }),
  clientOf({ clientId: 'off-1', status: 'disabled' }),
  clientOf({ clientId: 'gone-1', status: 'deleted' }),
);

const valid = {
  response_type: 'code',
  client_id: desktop.clientId,
  redirect_uri: REDIRECT,
  scope: 'OR.Jobs.Read',
  state: 'st-1',
  code_challenge: CHALLENGE,
  code_challenge_method: 'S256',
};

function check(params: Record<string, string> | string): RequestCheck {
  return checkAuthorizationRequest(new URLSearchParams(params), clients);
}

const withParams = (changes: Record<string, string | undefined>) => {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...valid, ...changes }))
    if (value !== undefined) params[name] = value;
  return params;
};

const untrusted = (reason: string) => ({ kind: 'untrusted', reason });
const refused = (error: string) => ({
  kind: 'refused',
  redirectUri: REDIRECT,
  state: 'st-1',
  error: { error, description: expect.any(String) },
});

describe('authorization request: client and redirect URI (error page, never a redirect)', () => {
  it.each([
    ['a missing client_id', withParams({ client_id: undefined }), 'missing-client-id'],
    ['an unknown client_id', withParams({ client_id: 'nobody' }), 'unknown-client'],
    ['a deleted app', withParams({ client_id: 'gone-1' }), 'unknown-client'],
    ['a disabled app', withParams({ client_id: 'off-1' }), 'inactive-client'],
    ['a missing redirect_uri', withParams({ redirect_uri: undefined }), 'missing-redirect-uri'],
    [
      'a redirect_uri that differs by a trailing slash',
      withParams({ redirect_uri: `${REDIRECT}/` }),
      'unregistered-redirect-uri',
    ],
    [
      'a redirect_uri with an extra query',
      withParams({ redirect_uri: `${REDIRECT}?next=/` }),
      'unregistered-redirect-uri',
    ],
  ])('refuses %s', (_case, params, reason) => {
    expect(check(params)).toMatchObject(untrusted(reason));
  });

  it('refuses client_id sent twice', () => {
    const query = `${new URLSearchParams(valid).toString()}&client_id=${web.clientId}`;
    expect(check(query)).toMatchObject(untrusted('duplicate-client-id'));
  });

  it('refuses redirect_uri sent twice, even with the same value', () => {
    const query = `${new URLSearchParams(valid).toString()}&redirect_uri=${encodeURIComponent(REDIRECT)}`;
    expect(check(query)).toMatchObject(untrusted('duplicate-redirect-uri'));
  });
});

describe('authorization request: other errors go back to the app', () => {
  it('accepts a complete request: user scopes, their one audience, the S256 challenge', () => {
    expect(check(valid)).toEqual({
      kind: 'valid',
      client: desktop,
      request: {
        clientId: desktop.clientId,
        redirectUri: REDIRECT,
        state: 'st-1',
        scopes: ['OR.Jobs.Read'],
        audience: 'OrchestratorApi',
        offlineAccess: false,
        codeChallenge: CHALLENGE,
      },
    });
  });

  it('refuses response_type=token (implicit) as unsupported_response_type', () => {
    expect(check(withParams({ response_type: 'token' }))).toMatchObject(
      refused('unsupported_response_type'),
    );
  });

  it('refuses a missing response_type as invalid_request', () => {
    expect(check(withParams({ response_type: undefined }))).toMatchObject(
      refused('invalid_request'),
    );
  });

  it('refuses a response_mode other than query', () => {
    expect(check(withParams({ response_mode: 'fragment' }))).toMatchObject(
      refused('invalid_request'),
    );
  });

  it('refuses an app without user scopes as unauthorized_client', () => {
    const params = withParams({ client_id: 'robot-1', scope: undefined });
    expect(check(params)).toMatchObject(refused('unauthorized_client'));
  });

  it('refuses another repeated parameter as invalid_request, without echoing its state', () => {
    const query = `${new URLSearchParams(valid).toString()}&scope=OR.Folders.Read&state=x`;
    expect(check(query)).toMatchObject({ ...refused('invalid_request'), state: null });
  });

  it('refuses a repeated resource as invalid_target', () => {
    const query = `${new URLSearchParams(valid).toString()}&resource=A&resource=B`;
    expect(check(query)).toMatchObject(refused('invalid_target'));
  });

  it('echoes no state when none was sent', () => {
    expect(check(withParams({ state: undefined, response_type: 'token' }))).toMatchObject({
      kind: 'refused',
      state: null,
    });
  });
});
