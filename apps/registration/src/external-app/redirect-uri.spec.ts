import { checkRedirectUris, redirectUriProblem } from './redirect-uri';

describe('redirect URIs', () => {
  it.each([
    'https://app.example.com/callback',
    'https://app.example.com:8443/cb?tenant=a',
    'http://127.0.0.1/callback',
    'http://127.0.0.1:51234/callback',
    'http://[::1]:8080/cb',
    'http://localhost:3000/cb',
  ])('accepts %s', (uri) => {
    expect(redirectUriProblem(uri)).toBeUndefined();
  });

  it.each([
    ['http on a public host', 'http://app.example.com/cb', /not loopback/],
    ['http on a loopback look-alike', 'http://localhost.example.com/cb', /not loopback/],
    ['a relative URI', '/callback', /absolute/],
    ['a missing authority', 'https:app.example.com/cb', /absolute/],
    ['a custom scheme', 'com.example.app:/callback', /absolute/],
    ['a fragment', 'https://app.example.com/cb#x', /fragment/],
    ['an empty fragment', 'https://app.example.com/cb#', /fragment/],
    ['a wildcard host', 'https://*.example.com/cb', /wildcard/],
    ['a wildcard path', 'https://app.example.com/*', /wildcard/],
    ['userinfo', 'https://user:pw@app.example.com/cb', /userinfo/],
    ['leading whitespace', ' https://app.example.com/cb', /whitespace/],
    ['an unparsable host', 'https://exa mple.com/', /whitespace/],
    ['an invalid port', 'https://app.example.com:99999/cb', /not a valid URI/],
    ['a huge URI', `https://app.example.com/${'a'.repeat(2000)}`, /longer/],
  ])('refuses %s', (_case, uri, why) => {
    expect(redirectUriProblem(uri)).toMatch(why);
  });

  it('refuses more than 10', () => {
    const uris = Array.from({ length: 11 }, (_, i) => `https://a.example.com/${i}`);
    expect(checkRedirectUris(uris, true)).toMatchObject({
      ok: false,
      error: { code: 'too-many-redirect-uris' },
    });
    expect(checkRedirectUris(uris.slice(0, 10), true).ok).toBe(true);
  });

  it('refuses the same URI twice, but matches exactly so case variants are distinct', () => {
    expect(
      checkRedirectUris(['https://a.example.com/', 'https://a.example.com/'], true),
    ).toMatchObject({
      ok: false,
      error: { code: 'duplicate-redirect-uri', field: 'redirectUris[1]' },
    });
    expect(checkRedirectUris(['https://a.example.com/A', 'https://a.example.com/a'], true)).toEqual(
      {
        ok: true,
        value: ['https://a.example.com/A', 'https://a.example.com/a'],
      },
    );
  });
});
