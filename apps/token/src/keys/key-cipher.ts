import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import { EncryptionKey } from './encryption-key';

/** A private JWK encrypted with AES-256-GCM; every field base64url except the key id. */
export interface SealedPrivateKey {
  /** `EncryptionKey.id` of the key that sealed it. */
  readonly encryptionKeyId: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/**
 * The stored signing keys cannot be opened with the configured key. Permanent: retrying cannot
 * help, so start-up stops with this message instead of serving tokens nobody can verify.
 */
export class SigningKeyDecryptionError extends Error {
  override readonly name = 'SigningKeyDecryptionError';
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/**
 * `binding` (e.g. generation and kid) is authenticated as associated data: a ciphertext copied
 * into another key's document fails to open instead of pairing a private key with a wrong kid.
 */
export function sealPrivateKey(jwk: JWK, key: EncryptionKey, binding: string): SealedPrivateKey {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.material, iv).setAAD(Buffer.from(binding));
  const plaintext = Buffer.from(JSON.stringify(jwk));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  return {
    encryptionKeyId: key.id,
    iv: iv.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

export function openPrivateKey(sealed: SealedPrivateKey, key: EncryptionKey, binding: string): JWK {
  if (sealed.encryptionKeyId !== key.id) throw wrongKey(sealed.encryptionKeyId, key.id);
  try {
    const decipher = createDecipheriv(ALGORITHM, key.material, Buffer.from(sealed.iv, 'base64url'))
      .setAAD(Buffer.from(binding))
      .setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64url')),
      decipher.final(),
    ]);
    return JSON.parse(plaintext.toString('utf8')) as JWK;
  } catch (cause) {
    throw new SigningKeyDecryptionError(
      `the stored signing key ${binding} does not decrypt with SIGNING_KEY_ENCRYPTION_KEY (key id ${key.id}) although it names that key: the document was altered or is corrupt`,
      { cause },
    );
  }
}

export function wrongKey(storedId: string, configuredId: string): SigningKeyDecryptionError {
  return new SigningKeyDecryptionError(
    `SIGNING_KEY_ENCRYPTION_KEY is not the key that encrypted the stored signing keys: they were encrypted with key id ${storedId}, the configured key has id ${configuredId}. Configure the original key, or, to start over, drop the signing_keys collection (tokens signed so far then stop verifying).`,
  );
}
