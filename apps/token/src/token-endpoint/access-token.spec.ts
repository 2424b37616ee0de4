import { appTokenClaims } from './access-token';

describe('app access token claims (RFC 9068)', () => {
  const input = {
    issuer: 'https://id.example.com',
    clientId: 'app-1',
    grant: { audience: 'OrchestratorApi', scopes: ['OR.Jobs', 'OR.Assets.Read'] },
    issuedAt: new Date('2026-01-01T00:00:00.900Z'),
    ttlSeconds: 3600,
    jti: '3f1c0d6e-5a4b-4c3d-9e8f-7a6b5c4d3e2f',
  };

  it('names the app as subject and client, the resource as audience, and the scopes', () => {
    expect(appTokenClaims(input)).toEqual({
      iss: 'https://id.example.com',
      sub: 'app-1',
      sub_type: 'app',
      aud: 'OrchestratorApi',
      client_id: 'app-1',
      scope: 'OR.Jobs OR.Assets.Read',
      iat: 1767225600,
      exp: 1767225600 + 3600,
      jti: input.jti,
    });
  });

  it('gives every token a fresh UUID as jti when none is given', () => {
    const { jti: _given, ...rest } = input;
    const first = appTokenClaims(rest).jti;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(appTokenClaims(rest).jti).not.toBe(first);
  });
});
