import { startTestTokenIssuer } from '../testing/token-issuer';
import { JwtTestApp, PROBLEM_JSON, READ, startJwtTestApp } from './testing/jwt-test-app';

const UNKNOWN_KEY = "The access token's signing key is unknown.";

/** Key lookup through JwtAuthenticator: rotation, unknown kids, and the JWKS being down. */
describe('JWKS signing keys', () => {
  let t: JwtTestApp;
  afterEach(() => t.close());

  /** A token with the right issuer, signed by a key the JWKS has never published. */
  async function strangerToken(): Promise<string> {
    const stranger = await startTestTokenIssuer();
    try {
      return await stranger.issue({ sub: 'app-1', scopes: [READ], issuer: t.issuer.issuer });
    } finally {
      await stranger.close();
    }
  }

  it('fetches the JWKS again for a new kid after rotation, and caches it', async () => {
    t = await startJwtTestApp();
    expect((await t.call(await t.appToken())).statusCode).toBe(200);
    const oldToken = await t.appToken();
    const fetchesBefore = t.issuer.jwksRequests;
    await t.issuer.rotate();
    expect((await t.call(await t.appToken())).statusCode).toBe(200);
    expect(t.issuer.jwksRequests).toBe(fetchesBefore + 1);
    expect((await t.call(await t.appToken())).statusCode).toBe(200);
    expect((await t.call(oldToken)).statusCode).toBe(200);
    expect(t.issuer.jwksRequests).toBe(fetchesBefore + 1);
  });

  it('refuses a kid the JWKS does not have', async () => {
    t = await startJwtTestApp();
    await t.expectRefused(await strangerToken(), UNKNOWN_KEY);
  });

  it('refuses unknown kids with 401 once the rate limit is spent while the JWKS is up', async () => {
    t = await startJwtTestApp({ jwksRequestsPerMinute: 1 });
    await t.expectRefused(await strangerToken(), UNKNOWN_KEY);
    await t.expectRefused(await strangerToken(), UNKNOWN_KEY);
    expect(t.issuer.jwksRequests).toBe(1);
  });

  describe('with the JWKS unreachable', () => {
    it('answers 503 problem+json with Retry-After and logs the cause', async () => {
      t = await startJwtTestApp();
      t.issuer.setDown(true);
      const response = await t.call(await t.appToken());
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.headers['www-authenticate']).toBeUndefined();
      expect(t.issuer.jwksRequests).toBe(1);
      const failure = t.http.logs.lines().find((line) => line['msg'] === 'request failed');
      expect(JSON.stringify(failure)).toContain('answered HTTP 503');
    });

    it('answers 503 when nothing listens at the JWKS URL', async () => {
      const probe = await startTestTokenIssuer();
      await probe.close();
      t = await startJwtTestApp({ jwksUrl: probe.jwksUrl });
      expect((await t.call(await t.appToken())).statusCode).toBe(503);
    });

    it('keeps answering 503, not 401, once the fetch rate limit is spent', async () => {
      t = await startJwtTestApp({ jwksRequestsPerMinute: 1 });
      t.issuer.setDown(true);
      expect((await t.call(await t.appToken())).statusCode).toBe(503);
      expect((await t.call(await t.appToken())).statusCode).toBe(503);
      expect(t.issuer.jwksRequests).toBe(1);
    });

    it('still verifies tokens whose key it has cached', async () => {
      t = await startJwtTestApp();
      expect((await t.call(await t.appToken())).statusCode).toBe(200);
      t.issuer.setDown(true);
      expect((await t.call(await t.appToken())).statusCode).toBe(200);
    });

    it('recovers when the JWKS comes back', async () => {
      t = await startJwtTestApp();
      t.issuer.setDown(true);
      expect((await t.call(await t.appToken())).statusCode).toBe(503);
      t.issuer.setDown(false);
      expect((await t.call(await t.appToken())).statusCode).toBe(200);
    });
  });
});
