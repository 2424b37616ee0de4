import { compactVerify, createLocalJWKSet } from 'jose';
import { testSigningKey } from '../chain/testing/signing-keys';
import { checkCheckpoint, CheckpointDocument, signCheckpoint } from './checkpoint';
import { Keyring } from './keyring';

const claims = {
  seq: 42,
  hash: 'ab'.repeat(32),
  recordedAt: '2026-03-01T10:00:00.000Z',
  signedAt: '2026-03-01T10:00:01.000Z',
};

describe('checkpoints', () => {
  const key = testSigningKey();
  const keyring = new Keyring(key);

  it('given claims, then the stored checkpoint shows them beside a JWS under the key id', async () => {
    const checkpoint = await signCheckpoint(claims, keyring);

    expect(checkpoint).toEqual({
      _id: 42,
      ...claims,
      keyId: key.kid,
      jws: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
    expect(await checkCheckpoint(checkpoint, keyring)).toEqual({ ok: true });
  });

  it('given only the published JWKS, then any JOSE library verifies the checkpoint', async () => {
    const checkpoint = await signCheckpoint(claims, keyring);

    const { payload, protectedHeader } = await compactVerify(
      checkpoint.jws,
      createLocalJWKSet(keyring.jwks()),
    );

    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: key.kid });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(claims);
  });

  it('given a field changed beside the JWS, then it is altered', async () => {
    const checkpoint = await signCheckpoint(claims, keyring);

    for (const change of [{ hash: 'cd'.repeat(32) }, { seq: 43 }, { keyId: 'other' }]) {
      expect(await checkCheckpoint({ ...checkpoint, ...change }, keyring)).toEqual({
        ok: false,
        reason: 'altered',
      });
    }
  });

  it('given a signature that does not match, then it is a bad signature', async () => {
    const checkpoint = await signCheckpoint(claims, keyring);
    const other = await signCheckpoint({ ...claims, seq: 43 }, keyring);
    const [header, payload] = checkpoint.jws.split('.');
    const forged: CheckpointDocument = {
      ...checkpoint,
      jws: `${header}.${payload}.${other.jws.split('.')[2]}`,
    };

    expect(await checkCheckpoint(forged, keyring)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await checkCheckpoint({ ...checkpoint, jws: 'garbage' }, keyring)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('given a checkpoint signed by a key outside the keyring, then the key is unknown', async () => {
    const forged = await signCheckpoint(claims, new Keyring(testSigningKey()));

    expect(await checkCheckpoint(forged, keyring)).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it('given a rotated key, then checkpoints of the retired key still verify and both are published', async () => {
    const retired = testSigningKey('p256');
    const old = await signCheckpoint(claims, new Keyring(retired));
    const rotated = new Keyring(testSigningKey(), [retired]);

    expect(await checkCheckpoint(old, rotated)).toEqual({ ok: true });
    expect(rotated.jwks().keys.map((jwk) => jwk.alg)).toEqual(['EdDSA', 'ES256']);
    expect(JSON.stringify(rotated.jwks())).not.toMatch(/"d":/);
  });

  it('given a verify-only keyring, then it verifies but cannot sign', async () => {
    const checkpoint = await signCheckpoint(claims, keyring);
    const verifyOnly = new Keyring(null, [key]);

    expect(await checkCheckpoint(checkpoint, verifyOnly)).toEqual({ ok: true });
    await expect(signCheckpoint(claims, verifyOnly)).rejects.toThrow(/no signing key/);
  });
});
