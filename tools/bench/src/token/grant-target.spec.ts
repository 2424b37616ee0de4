import { basicCredentials, GrantTarget, grantCalls } from './grant-target';

const target: GrantTarget = {
  name: 'server',
  baseUrl: 'http://127.0.0.1:1',
  issuer: 'http://127.0.0.1:1',
  tokenPath: '/oauth/token',
  jwksUri: 'http://127.0.0.1:1/.well-known/jwks.json',
  resource: 'OrchestratorApi',
  clients: [
    { clientId: 'app-1', secretId: 's1', secret: 'secret-1' },
    { clientId: 'app-2', secretId: 's2', secret: 'secret-2' },
  ],
};

const decoded = (authorization: string | undefined) =>
  Buffer.from((authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');

describe('basicCredentials', () => {
  it('form-urlencodes id and secret before joining them (RFC 6749 §2.3.1)', () => {
    expect(decoded(basicCredentials('app:1', 'a b+c/d'))).toBe('app%3A1:a+b%2Bc%2Fd');
  });
});

describe('grantCalls', () => {
  it('asks for a client_credentials token with the load scopes and the resource', () => {
    const call = grantCalls(target)(0);

    expect(call).toMatchObject({ method: 'POST', path: '/oauth/token' });
    expect(call.headers?.['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(call.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      scope: 'OR.Jobs OR.Assets.Read OR.Queues',
      resource: 'OrchestratorApi',
    });
  });

  it('spreads the requests over the clients, round-robin, each with its own credentials', () => {
    const next = grantCalls(target);

    const ids = [0, 1, 2, 3].map((n) => decoded(next(n).headers?.['authorization']));

    expect(ids).toEqual(['app-1:secret-1', 'app-2:secret-2', 'app-1:secret-1', 'app-2:secret-2']);
  });
});
