import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { testSigningKeyPem } from '../chain/testing/signing-keys';
import { parsePublicKeySet, parseSigningKey } from './signing-key';

const parsed = (raw: string) => {
  const result = parseSigningKey(raw);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('parseSigningKey (AUDIT_SIGNING_KEY)', () => {
  it('given an Ed25519 PKCS#8 PEM, then it signs with EdDSA under the RFC 7638 thumbprint', async () => {
    const key = parsed(testSigningKeyPem());

    expect(key.alg).toBe('EdDSA');
    expect(key.jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String),
      kid: key.kid,
      alg: 'EdDSA',
      use: 'sig',
    });
    expect(key.kid).toBe(await calculateJwkThumbprint(key.jwk));
  });

  it('given a P-256 key, then it signs with ES256', async () => {
    const key = parsed(testSigningKeyPem('p256'));

    expect(key.alg).toBe('ES256');
    expect(key.jwk).toMatchObject({ kty: 'EC', crv: 'P-256', y: expect.any(String) });
    expect(key.kid).toBe(await calculateJwkThumbprint(key.jwk));
  });

  it('given the PEM on one line with \\n escapes (an .env file), then it reads the same key', () => {
    const pem = testSigningKeyPem();

    expect(parsed(pem.replace(/\n/g, '\\n')).kid).toBe(parsed(pem).kid);
  });

  it('given a private JWK, then it reads the same key as the PEM', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const jwk = JSON.stringify(privateKey.export({ format: 'jwk' }));

    expect(parsed(jwk).kid).toBe(parsed(pem).kid);
  });

  it('given an RSA key, then it is refused by type, without repeating the key', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

    const result = parseSigningKey(pem);

    expect(result).toEqual({ ok: false, reason: expect.stringContaining('got a rsa key') });
    expect(JSON.stringify(result)).not.toContain(pem.split('\n')[1]);
  });

  it('given text that is no key, or a public key, then the reason says what is expected', () => {
    const publicPem = generateKeyPairSync('ed25519')
      .publicKey.export({ format: 'pem', type: 'spki' })
      .toString();

    for (const raw of ['not-a-key', publicPem, '{"kty":"OKP"}']) {
      expect(parseSigningKey(raw)).toEqual({
        ok: false,
        reason: expect.stringMatching(/^expected an Ed25519 or P-256 private key/),
      });
    }
  });
});

describe('parsePublicKeySet (AUDIT_RETIRED_PUBLIC_KEYS)', () => {
  it('given a JWKS of public keys, then each verifies under its own kid', () => {
    const retired = parsed(testSigningKeyPem());

    const result = parsePublicKeySet(JSON.stringify({ keys: [retired.jwk] }));

    expect(result).toMatchObject({ ok: true, value: [{ kid: retired.kid, alg: 'EdDSA' }] });
  });

  it('given a private JWK in the set, then it is refused', () => {
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });

    expect(parsePublicKeySet(JSON.stringify({ keys: [jwk] }))).toEqual({
      ok: false,
      reason: 'keys[0]: expected a public JWK (a private one must not be listed here)',
    });
  });

  it('given something else than a JWKS, then it is refused', () => {
    expect(parsePublicKeySet('[1]')).toMatchObject({ ok: false });
    expect(parsePublicKeySet('{"keys":[{"kty":"RSA"}]}')).toMatchObject({ ok: false });
  });
});
