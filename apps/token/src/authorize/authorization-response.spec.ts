import { authorizationResponseUri } from './authorization-response';

const ISSUER = 'https://id.example.com';

describe('authorization response URI (RFC 6749 §4.1.2, RFC 9207)', () => {
  it('adds code, state and iss to the redirect URI', () => {
    const uri = new URL(
      authorizationResponseUri('https://app.example.com/cb', ISSUER, 'a b&c', { code: 'c-1' }),
    );
    expect(uri.origin + uri.pathname).toBe('https://app.example.com/cb');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      code: 'c-1',
      state: 'a b&c',
      iss: ISSUER,
    });
  });

  it('keeps the redirect URI query and omits an absent state', () => {
    const uri = authorizationResponseUri('https://app.example.com/cb?tenant=t1', ISSUER, null, {
      code: 'c-1',
    });
    expect(Object.fromEntries(new URL(uri).searchParams)).toEqual({
      tenant: 't1',
      code: 'c-1',
      iss: ISSUER,
    });
    expect(uri.startsWith('https://app.example.com/cb?tenant=t1&')).toBe(true);
  });

  it('sends an error with a description of allowed characters only', () => {
    const uri = authorizationResponseUri('https://app.example.com/cb', ISSUER, 's', {
      error: { error: 'invalid_scope', description: 'Scope "é\\x" is unknown.' },
    });
    expect(Object.fromEntries(new URL(uri).searchParams)).toEqual({
      error: 'invalid_scope',
      error_description: 'Scope ???x? is unknown.',
      state: 's',
      iss: ISSUER,
    });
  });
});
