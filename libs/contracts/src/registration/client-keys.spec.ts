import { generateKeyPairSync, JsonWebKey, KeyPairKeyObjectResult } from 'node:crypto';
import { accessTokenLifetimeSchema, jwksSchema, MAX_JWKS_KEYS } from './client-keys';

/** A real key pair as JWKs, so the schema is tested against what tools actually export. */
function keyPair(type: 'ec' | 'rsa' | 'ed25519' | 'ed448' | 'x25519', options: object = {}) {
  const generate = generateKeyPairSync as (type: string, options: object) => KeyPairKeyObjectResult;
  const { publicKey, privateKey } = generate(type, options);
  return {
    public: publicKey.export({ format: 'jwk' }),
    private: privateKey.export({ format: 'jwk' }),
  };
}

const p256 = keyPair('ec', { namedCurve: 'P-256' });
const p384 = keyPair('ec', { namedCurve: 'P-384' });
const rsa = keyPair('rsa', { modulusLength: 2048 });
const ed25519 = keyPair('ed25519');
const ed448 = keyPair('ed448');

const withKid = (jwk: JsonWebKey, kid: string, extra: object = {}) => ({ ...jwk, kid, ...extra });
const jwks = (...keys: unknown[]) => ({ keys });

/** The first issue as `path: message`, or undefined when the JWKS is accepted. */
function problem(value: unknown): string | undefined {
  const result = jwksSchema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  return issue && `${issue.path.join('.')}: ${issue.message}`;
}

describe('jwksSchema', () => {
  it.each([
    ['EC P-256 with ES256', withKid(p256.public, 'ec-256', { alg: 'ES256', use: 'sig' })],
    ['EC P-384 with ES384', withKid(p384.public, 'ec-384', { alg: 'ES384' })],
    ['RSA 2048 with RS256', withKid(rsa.public, 'rsa-1', { alg: 'RS256' })],
    ['RSA 2048 with PS256', withKid(rsa.public, 'rsa-2', { alg: 'PS256' })],
    ['Ed25519 with EdDSA', withKid(ed25519.public, 'ed-1', { alg: 'EdDSA' })],
    ['Ed448 without alg', withKid(ed448.public, 'ed-2')],
  ])('accepts a public %s key', (_case, key) => {
    expect(problem(jwks(key))).toBeUndefined();
    expect(jwksSchema.parse(jwks(key))).toEqual(jwks(key));
  });

  it.each([
    ['EC', p256.private, 'keys.0: is a private key (it has d): register its public key only'],
    ['RSA', rsa.private, 'keys.0: is a private key (it has d, p, q, dp, dq, qi)'],
    ['OKP', ed25519.private, 'keys.0: is a private key (it has d)'],
  ])('refuses a private %s key, naming its private members', (_case, key, message) => {
    expect(problem(jwks(withKid(key, 'leaked')))).toContain(message);
  });

  it('refuses a symmetric (oct) key, as a shared secret', () => {
    const oct = { kty: 'oct', kid: 'hmac', k: 'c2VjcmV0' };
    expect(problem(jwks(oct))).toBe(
      'keys.0: is a symmetric (oct) key, a shared secret: register a public key',
    );
  });

  it.each([
    ['no kid', { ...p256.public }, 'keys.0.kid'],
    ['a kid with spaces', withKid(p256.public, 'my key'), 'keys.0.kid'],
    ['a kid over 200 characters', withKid(p256.public, 'k'.repeat(201)), 'keys.0.kid'],
    ['use enc', withKid(p256.public, 'a', { use: 'enc' }), 'keys.0.use: must be "sig"'],
    ['alg ES512', withKid(p256.public, 'a', { alg: 'ES512' }), 'keys.0.alg: must be one of'],
    ['alg HS256', withKid(p256.public, 'a', { alg: 'HS256' }), 'keys.0.alg'],
    ['ES256 on a P-384 key', withKid(p384.public, 'a', { alg: 'ES256' }), 'needs an EC P-256'],
    ['RS256 on an EC key', withKid(p256.public, 'a', { alg: 'RS256' }), 'needs an RSA key'],
    ['EdDSA on an RSA key', withKid(rsa.public, 'a', { alg: 'EdDSA' }), 'needs an OKP key'],
    ['curve P-521', withKid(keyPair('ec', { namedCurve: 'P-521' }).public, 'a'), 'keys.0.crv'],
    ['an X25519 key', withKid(keyPair('x25519').public, 'a'), 'keys.0.crv'],
    ['an RSA 1024 key', withKid(keyPair('rsa', { modulusLength: 1024 }).public, 'a'), 'keys.0.n'],
    ['a truncated P-256 x', withKid({ ...p256.public, x: 'A'.repeat(42) }, 'a'), 'keys.0.x'],
    ['a P-256 y of P-384 length', withKid({ ...p256.public, y: p384.public.y }, 'a'), 'keys.0.y'],
    ['padded base64', withKid({ ...p256.public, x: `${'A'.repeat(42)}=` }, 'a'), 'base64url'],
    ['an unknown member', withKid(p256.public, 'a', { x5u: 'https://x' }), 'keys.0'],
    ['an unknown kty', { kty: 'XYZ', kid: 'a' }, 'keys.0.kty: must be EC, RSA or OKP'],
    ['a key that is not an object', 'key', 'keys.0'],
  ])('refuses %s', (_case, key, expected) => {
    expect(problem(jwks(key))).toContain(expected);
  });

  it('refuses two keys with one kid, an empty set, more than 10 keys and other members', () => {
    const key = withKid(p256.public, 'same');
    const many = Array.from({ length: MAX_JWKS_KEYS + 1 }, (_, i) => withKid(p256.public, `${i}`));

    expect(problem(jwks(key, withKid(ed25519.public, 'same')))).toBe('keys.1.kid: is used twice');
    expect(problem(jwks())).toContain('keys');
    expect(problem(jwks(...many.slice(0, MAX_JWKS_KEYS)))).toBeUndefined();
    expect(problem(jwks(...many))).toContain('keys');
    expect(problem({ ...jwks(key), extra: 1 })).toBeDefined();
  });
});

describe('accessTokenLifetimeSchema', () => {
  it.each([300, 3600, 86_400])('accepts %i seconds', (seconds) => {
    expect(accessTokenLifetimeSchema.safeParse(seconds).success).toBe(true);
  });

  it.each([299, 86_401, 600.5, '600', 0, -1])('refuses %p', (seconds) => {
    expect(accessTokenLifetimeSchema.safeParse(seconds).success).toBe(false);
  });
});
