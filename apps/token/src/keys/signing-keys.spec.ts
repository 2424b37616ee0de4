import { ManualClock } from '@extapps/testing';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { SigningKeys } from './signing-keys';

describe('SigningKeys', () => {
  it('signs ES256 at+jwt tokens that its JWKS verifies, named by the key thumbprint', async () => {
    const keys = await SigningKeys.generate();
    const token = await keys.sign({ sub: 'app-1', iss: 'https://id.example.com' });
    const [published] = keys.jwks.keys;
    expect(published).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(published).not.toHaveProperty('d');
    expect(decodeProtectedHeader(token)).toEqual({
      alg: 'ES256',
      typ: 'at+jwt',
      kid: published.kid,
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [...keys.jwks.keys] }), {
      typ: 'at+jwt',
    });
    expect(payload).toEqual({ sub: 'app-1', iss: 'https://id.example.com' });
  });

  it('gives each generated key pair its own kid', async () => {
    const [a, b] = await Promise.all([SigningKeys.generate(), SigningKeys.generate()]);
    expect(a.jwks.keys[0].kid).not.toBe(b.jwks.keys[0].kid);
  });

  it('returns the same JWKS object while the published keys stay the same', async () => {
    const clock = new ManualClock();
    const keys = await SigningKeys.generate(clock);
    const first = keys.jwks;
    clock.advance(3_600_000);
    expect(keys.jwks).toBe(first);
  });

  it('refuses to sign before any key is loaded', async () => {
    const empty = new SigningKeys(new ManualClock(), {
      rotationMs: 7_200_000,
      publishAheadMs: 3_600_000,
      retentionMs: 86_400_000,
    });
    expect(() => empty.sign({ sub: 'app-1' })).toThrow('no signing key loaded');
    expect(empty.jwks).toEqual({ keys: [] });
  });
});
