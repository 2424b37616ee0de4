import { ManualClock } from '@extapps/testing';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { SigningKeys } from '../keys/signing-keys';
import { AccessTokenVerifier, PublishedKeys } from './access-token-verifier';
import { TEST_ISSUER, TEST_TTL_SECONDS, tokenFixtures } from './testing/token-fixtures';

describe('AccessTokenVerifier', () => {
  const clock = new ManualClock('2026-03-01T10:00:00.000Z');
  let t: Awaited<ReturnType<typeof tokenFixtures>>;
  beforeEach(async () => {
    clock.set('2026-03-01T10:00:00.000Z');
    t = await tokenFixtures(clock);
  });

  const ourKid = () => String(t.keys.jwks.keys[0].kid);
  const foreignSigned = async (claims: object, header: object) => {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', ...header })
      .sign(privateKey);
  };

  it('given a token it signed, then it returns every claim of the token', async () => {
    const claims = t.userClaims('robot', 'grant-1');

    expect(await t.verifier.verify(await t.sign(claims), clock.now())).toEqual(claims);
  });

  it('given a token one second before its exp, then it is current; at exp, it is not', async () => {
    const token = await t.sign(t.appClaims('robot'));

    clock.advance(TEST_TTL_SECONDS * 1000 - 1000);
    expect(await t.verifier.verify(token, clock.now())).not.toBeNull();
    clock.advance(1000);
    expect(await t.verifier.verify(token, clock.now())).toBeNull();
  });

  it('given a token signed by another key, under our kid or another, then it is not ours', async () => {
    const claims = t.appClaims('robot');

    expect(
      await t.verifier.verify(await foreignSigned(claims, { kid: ourKid() }), clock.now()),
    ).toBeNull();
    expect(
      await t.verifier.verify(await foreignSigned(claims, { kid: 'other' }), clock.now()),
    ).toBeNull();
  });

  it('given a token of another authorization server, with its own key and issuer, then it is not ours', async () => {
    const other = await SigningKeys.generate(clock);
    const token = await other.sign({
      ...t.appClaims('robot'),
      iss: 'https://elsewhere.example.com',
    });

    expect(await t.verifier.verify(token, clock.now())).toBeNull();
  });

  it('given our key but another issuer, then it is not ours', async () => {
    const token = await t.sign({ ...t.appClaims('robot'), iss: `${TEST_ISSUER}/other` });

    expect(await t.verifier.verify(token, clock.now())).toBeNull();
  });

  it('given an unsigned (alg none) token with our claims, then it is refused', async () => {
    const token = new UnsecuredJWT({ ...t.appClaims('robot') }).encode();

    expect(await t.verifier.verify(token, clock.now())).toBeNull();
  });

  it('given a JWT under a published key that is not an access token (typ JWT), then it is refused', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const verifier = new AccessTokenVerifier({ jwks: { keys: [jwk] } }, TEST_ISSUER);
    const signed = (typ: string) =>
      new SignJWT({ ...t.appClaims('robot') })
        .setProtectedHeader({ alg: 'ES256', typ, kid: 'k1' })
        .sign(privateKey);

    expect(await verifier.verify(await signed('JWT'), clock.now())).toBeNull();
    expect(await verifier.verify(await signed('at+jwt'), clock.now())).not.toBeNull();
  });

  it('given our signature over claims we never issue without (no client_id), then it is refused', async () => {
    const { client_id: _omitted, ...claims } = t.appClaims('robot');

    expect(await t.verifier.verify(await t.sign(claims), clock.now())).toBeNull();
  });

  it.each(['', 'not-a-token', 'a.b.c', 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA', '....'])(
    'given the malformed token %j, then it is refused',
    async (token) => {
      expect(await t.verifier.verify(token, clock.now())).toBeNull();
    },
  );

  it('given the published keys change, then it verifies with the new set', async () => {
    const next = await SigningKeys.generate(clock);
    const published: { jwks: PublishedKeys['jwks'] } = { jwks: t.keys.jwks };
    const verifier = new AccessTokenVerifier(published, TEST_ISSUER);
    const token = await next.sign({ ...t.appClaims('robot') });
    expect(await verifier.verify(token, clock.now())).toBeNull();

    published.jwks = { keys: [...t.keys.jwks.keys, ...next.jwks.keys] };

    expect(await verifier.verify(token, clock.now())).not.toBeNull();
  });
});
