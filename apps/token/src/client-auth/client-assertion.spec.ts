import { createHmac } from 'node:crypto';
import { JWTPayload, UnsecuredJWT } from 'jose';
import { AssertionContext, verifyClientAssertion } from './client-assertion';
import {
  AppKey,
  appKey,
  assertionClaims,
  ISSUER,
  signAssertion,
  TOKEN_ENDPOINT,
} from './testing/client-assertion-fixtures';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;
const CLIENT = 'app-1';

describe('client assertion checks (RFC 7523 §3)', () => {
  let key: AppKey;
  let context: AssertionContext;
  beforeAll(async () => {
    key = await appKey('ES256');
    context = {
      clientId: CLIENT,
      jwks: { keys: [key.publicJwk] },
      audiences: [TOKEN_ENDPOINT, ISSUER],
      now: NOW,
    };
  });
  const withClaims = async (overrides: JWTPayload, signer = key) =>
    verifyClientAssertion(
      await signAssertion(signer, assertionClaims(CLIENT, NOW, overrides)),
      context,
    );
  const refusedFor = (problem: string | RegExp) => ({
    ok: false,
    problem: expect.stringMatching(problem),
  });

  it('accepts an assertion by a registered key, usable until exp plus the clock tolerance', async () => {
    expect(await withClaims({ jti: 'jti-1' })).toEqual({
      ok: true,
      jti: 'jti-1',
      usableUntil: new Date((NOW_S + 60 + 30) * 1000),
    });
  });

  it.each(['RS256', 'PS256', 'EdDSA', 'ES384'])('accepts a %s key', async (alg) => {
    const other = await appKey(alg);
    const assertion = await signAssertion(other, assertionClaims(CLIENT, NOW));
    const outcome = await verifyClientAssertion(assertion, {
      ...context,
      jwks: { keys: [other.publicJwk] },
    });
    expect(outcome.ok).toBe(true);
  });

  it('refuses a signature by a key the app did not register', async () => {
    expect(await withClaims({}, await appKey('ES256'))).toEqual(
      refusedFor(/ERR_JWKS_NO_MATCHING_KEY/),
    );
  });

  it('refuses a registered kid whose signature does not verify', async () => {
    const impostor = { ...(await appKey('ES256')), kid: key.kid };
    expect(await withClaims({}, impostor)).toEqual(
      refusedFor(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/),
    );
  });

  it('refuses alg none', async () => {
    const unsecured = new UnsecuredJWT(assertionClaims(CLIENT, NOW)).encode();
    expect(await verifyClientAssertion(unsecured, context)).toEqual(
      refusedFor(/ERR_JOSE_ALG_NOT_ALLOWED/),
    );
  });

  it('refuses HMAC (HS256), even keyed with the public key', async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const input = `${encode({ alg: 'HS256', kid: key.kid })}.${encode(assertionClaims(CLIENT, NOW))}`;
    const mac = createHmac('sha256', JSON.stringify(key.publicJwk))
      .update(input)
      .digest('base64url');
    expect(await verifyClientAssertion(`${input}.${mac}`, context)).toEqual(
      refusedFor(/ERR_JOSE_ALG_NOT_ALLOWED/),
    );
  });

  it('refuses a string that is not a JWT', async () => {
    expect(await verifyClientAssertion('not-a-jwt', context)).toEqual(
      refusedFor(/ERR_JWS_INVALID/),
    );
  });

  it('refuses iss other than the client id', async () => {
    expect(await withClaims({ iss: 'app-2' })).toEqual(refusedFor(/"iss" claim/));
  });

  it('refuses sub other than the client id', async () => {
    expect(await withClaims({ sub: 'app-2' })).toEqual(refusedFor(/"sub" claim/));
  });

  it('accepts aud as the issuer, or as a list that contains the token endpoint', async () => {
    expect((await withClaims({ aud: ISSUER })).ok).toBe(true);
    expect((await withClaims({ aud: ['https://other.example', TOKEN_ENDPOINT] })).ok).toBe(true);
  });

  it('refuses aud naming another server', async () => {
    expect(await withClaims({ aud: 'https://other.example/oauth/token' })).toEqual(
      refusedFor(/"aud" claim/),
    );
  });

  it('refuses an assertion without aud', async () => {
    expect(await withClaims({ aud: undefined })).toEqual(refusedFor(/"aud"/));
  });

  it('refuses an assertion without exp', async () => {
    expect(await withClaims({ exp: undefined })).toEqual(refusedFor(/"exp" claim/));
  });

  it('refuses an expired assertion, beyond the 30 s clock tolerance', async () => {
    expect((await withClaims({ exp: NOW_S - 29 })).ok).toBe(true);
    expect(await withClaims({ exp: NOW_S - 30 })).toEqual(refusedFor(/ERR_JWT_EXPIRED/));
  });

  it('refuses exp more than 5 minutes ahead (plus the tolerance)', async () => {
    expect((await withClaims({ exp: NOW_S + 330 })).ok).toBe(true);
    expect(await withClaims({ exp: NOW_S + 331 })).toEqual(
      refusedFor('exp is more than 300 s ahead'),
    );
  });

  it('refuses an assertion not valid yet (nbf)', async () => {
    expect(await withClaims({ nbf: NOW_S + 31 })).toEqual(refusedFor(/"nbf" claim/));
  });

  it('refuses an assertion without jti', async () => {
    expect(await withClaims({ jti: undefined })).toEqual(refusedFor(/"jti" claim/));
  });

  it.each([
    ['empty', ''],
    ['too long', 'j'.repeat(201)],
  ])('refuses a jti that is %s', async (_case, jti) => {
    expect(await withClaims({ jti })).toEqual(
      refusedFor('jti must be a string of 1-200 characters'),
    );
  });
});
