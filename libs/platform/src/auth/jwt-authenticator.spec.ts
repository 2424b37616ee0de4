import { JwtAuthenticator } from './jwt-authenticator';
import { JwtTestApp, PROBLEM_JSON, READ, startJwtTestApp, WRITE } from './testing/jwt-test-app';

const NOT_ACCEPTED = 'The access token is signed with an algorithm that is not accepted.';

describe('JwtAuthenticator', () => {
  let t: JwtTestApp;
  afterEach(() => t.close());

  describe('with default options', () => {
    beforeEach(async () => {
      t = await startJwtTestApp();
    });

    it('accepts a valid app token and attaches its principal', async () => {
      const response = await t.call(await t.appToken({ scopes: [READ, WRITE] }));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        subject: 'app-1',
        subjectType: 'app',
        scopes: [READ, WRITE],
      });
    });

    it('takes the subject type from sub_type, or user when client_id is not the subject', async () => {
      const explicit = await t.call(await t.appToken({ sub: 'u-1', subType: 'user' }));
      expect(explicit.json()).toMatchObject({ subject: 'u-1', subjectType: 'user' });
      const derived = await t.call(await t.appToken({ sub: 'u-2', clientId: 'app-1' }));
      expect(derived.json()).toMatchObject({ subject: 'u-2', subjectType: 'user' });
    });

    it('answers a request without a bearer token with a plain 401 challenge', async () => {
      const response = await t.call();
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="extapps"');
      const basic = await t.http.app.inject({
        method: 'GET',
        url: '/v1/apps',
        headers: { authorization: 'Basic YWxpY2U6c2VjcmV0' },
      });
      expect(basic.headers['www-authenticate']).toBe('Bearer realm="extapps"');
    });

    it('refuses a token that is not a JWT', async () => {
      await t.expectRefused('not-a-jwt', 'The access token is not a well-formed JWT.');
    });

    it('refuses an expired token', async () => {
      await t.expectRefused(
        await t.appToken({ expiresInSec: -1 }),
        'The access token has expired.',
      );
    });

    it('refuses a token that is not valid yet', async () => {
      const token = await t.appToken({ notBeforeInSec: 120 });
      await t.expectRefused(token, 'The access token is not valid yet.');
    });

    it('refuses a token from another issuer', async () => {
      await t.expectRefused(
        await t.appToken({ issuer: 'https://elsewhere.example.com' }),
        'The access token was not issued by the trusted issuer.',
      );
    });

    it('refuses a token for another audience', async () => {
      await t.expectRefused(
        await t.appToken({ audience: 'extapps-other' }),
        'The access token is not meant for this service.',
      );
    });

    it('refuses a token signed by a key that is not in the JWKS', async () => {
      await t.expectRefused(
        await t.appToken({ unpublishedKey: true }),
        'The access token signature is invalid.',
      );
    });

    it('refuses an unsigned token (alg none) without fetching keys', async () => {
      await t.expectRefused(await t.appToken({ alg: 'none' }), NOT_ACCEPTED);
      expect(t.issuer.jwksRequests).toBe(0);
    });

    it('refuses an HS256 token, which would treat a public key as a shared secret', async () => {
      await t.expectRefused(await t.appToken({ alg: 'HS256' }), NOT_ACCEPTED);
    });

    it('refuses a JWT that is not an access token (typ)', async () => {
      const description = 'The token is not an access token (typ must be at+jwt).';
      await t.expectRefused(await t.appToken({ typ: 'JWT' }), description);
      await t.expectRefused(await t.appToken({ typ: null }), description);
    });

    it('accepts the media-type form of typ', async () => {
      expect((await t.call(await t.appToken({ typ: 'application/at+jwt' }))).statusCode).toBe(200);
    });

    it('answers a valid token without the route scope with 403 insufficient_scope', async () => {
      const response = await t.call(await t.appToken({ scopes: [READ] }), '/v1/apps/write');
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.headers['www-authenticate']).toBe(
        `Bearer realm="extapps", error="insufficient_scope", scope="${WRITE}"`,
      );
      expect(response.json()).toMatchObject({ status: 403 });
    });
  });

  it('refuses an ES256 token when only RS256 is allowed', async () => {
    t = await startJwtTestApp({ algorithms: ['RS256'] });
    await t.expectRefused(await t.appToken(), NOT_ACCEPTED);
  });

  it('accepts a token expired within the configured clock tolerance', async () => {
    t = await startJwtTestApp({ clockToleranceSec: 30 });
    expect((await t.call(await t.appToken({ expiresInSec: -10 }))).statusCode).toBe(200);
    await t.expectRefused(await t.appToken({ expiresInSec: -60 }), 'The access token has expired.');
  });
});

describe('new JwtAuthenticator', () => {
  const base = {
    issuer: 'https://id.example.com',
    jwksUrl: 'https://id.example.com/jwks',
    audience: 'a',
  };

  it('refuses symmetric or empty algorithm lists at construction', () => {
    expect(() => new JwtAuthenticator({ ...base, algorithms: [] })).toThrow(
      'unsupported algorithms',
    );
    const hs256 = ['HS256'] as unknown as ['RS256'];
    expect(() => new JwtAuthenticator({ ...base, algorithms: hs256 })).toThrow(
      'unsupported algorithms [HS256]',
    );
  });
});
