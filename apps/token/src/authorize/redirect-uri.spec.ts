import { isRegisteredRedirectUri } from './redirect-uri';
import { clientOf } from './testing/static-client-lookup';

const registered = [
  'https://app.example.com/callback',
  'http://127.0.0.1/callback',
  'http://[::1]:8080/cb?x=1',
  'http://localhost/native',
];
const desktop = clientOf({ type: 'non-confidential', redirectUris: registered });
const web = clientOf({ type: 'confidential', redirectUris: registered });

describe('redirect URI matching', () => {
  it.each(registered)('accepts %s exactly as registered', (uri) => {
    expect(isRegisteredRedirectUri(web, uri)).toBe(true);
    expect(isRegisteredRedirectUri(desktop, uri)).toBe(true);
  });

  it.each([
    ['a different case in the path', 'https://app.example.com/Callback'],
    ['a trailing slash', 'https://app.example.com/callback/'],
    ['an added query', 'https://app.example.com/callback?a=1'],
    ['a fragment', 'https://app.example.com/callback#x'],
    ['an explicit default port', 'https://app.example.com:443/callback'],
    ['another https port', 'https://app.example.com:8443/callback'],
    ['a sub-path', 'https://app.example.com/callback/more'],
  ])('refuses %s, for every app type', (_case, uri) => {
    expect(isRegisteredRedirectUri(web, uri)).toBe(false);
    expect(isRegisteredRedirectUri(desktop, uri)).toBe(false);
  });

  it.each([
    'http://127.0.0.1:51004/callback',
    'http://[::1]:3000/cb?x=1',
    'http://[::1]/cb?x=1',
    'http://localhost:9999/native',
  ])('lets a non-confidential app use any port on a loopback URI (RFC 8252 §7.3): %s', (uri) => {
    expect(isRegisteredRedirectUri(desktop, uri)).toBe(true);
  });

  it('matches a confidential app loopback URI exactly, port included', () => {
    expect(isRegisteredRedirectUri(web, 'http://127.0.0.1:51004/callback')).toBe(false);
  });

  it.each([
    ['another loopback host', 'http://localhost:51004/callback'],
    ['another path', 'http://127.0.0.1:51004/other'],
    ['https instead of http', 'https://127.0.0.1:51004/callback'],
    ['a query the URI did not have', 'http://127.0.0.1:51004/callback?x=1'],
    ['a host in upper case', 'http://LOCALHOST:9999/native'],
    ['dot segments', 'http://127.0.0.1:51004/x/../callback'],
  ])('keeps everything but the port exact for loopback URIs: refuses %s', (_case, uri) => {
    expect(isRegisteredRedirectUri(desktop, uri)).toBe(false);
  });
});
