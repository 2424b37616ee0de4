import { EncryptionKey } from './encryption-key';
import { openPrivateKey, sealPrivateKey, SigningKeyDecryptionError } from './key-cipher';

const jwk = { kty: 'EC', crv: 'P-256', x: 'x-value', y: 'y-value', d: 'private-d-value' };
const key = EncryptionKey.random();

describe('signing key encryption (AES-256-GCM)', () => {
  it('opens what it sealed, with the same key and binding', () => {
    const sealed = sealPrivateKey(jwk, key, 'generation 1');
    expect(openPrivateKey(sealed, key, 'generation 1')).toEqual(jwk);
  });

  it('leaves no plaintext in the sealed form and names the encryption key', () => {
    const sealed = sealPrivateKey(jwk, key, 'generation 1');
    expect(sealed.encryptionKeyId).toBe(key.id);
    expect(JSON.stringify(sealed)).not.toContain('private-d-value');
    expect(Buffer.from(sealed.ciphertext, 'base64url').toString('latin1')).not.toContain(
      'private-d-value',
    );
  });

  it('uses a fresh IV each time', () => {
    const [a, b] = [sealPrivateKey(jwk, key, 'g'), sealPrivateKey(jwk, key, 'g')];
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('refuses another encryption key by its id, naming the setting', () => {
    const sealed = sealPrivateKey(jwk, key, 'g');
    expect(() => openPrivateKey(sealed, EncryptionKey.random(), 'g')).toThrow(
      /^SIGNING_KEY_ENCRYPTION_KEY is not the key that encrypted the stored signing keys/,
    );
  });

  it('refuses a ciphertext moved to another document (binding)', () => {
    const sealed = sealPrivateKey(jwk, key, 'generation 1');
    expect(() => openPrivateKey(sealed, key, 'generation 2')).toThrow(SigningKeyDecryptionError);
  });

  it('refuses an altered tag', () => {
    const sealed = sealPrivateKey(jwk, key, 'g');
    const tag = Buffer.from(sealed.tag, 'base64url');
    tag[0] ^= 1;
    expect(() => openPrivateKey({ ...sealed, tag: tag.toString('base64url') }, key, 'g')).toThrow(
      'the document was altered or is corrupt',
    );
  });
});
