import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, JWK, KeyLike } from 'jose';
import { EncryptionKey } from './encryption-key';
import { openPrivateKey, sealPrivateKey, SigningKeyDecryptionError } from './key-cipher';
import { DueKey, ScheduledKey } from './key-schedule';
import { StoredSigningKey } from './signing-key-store';

export const SIGNING_ALGORITHM = 'ES256';

/** A key ready to sign: the decrypted private key next to its schedule and public JWK. */
export interface RingKey extends ScheduledKey {
  readonly kid: string;
  readonly publicJwk: JWK;
  readonly privateKey: KeyLike;
}

/** The associated data of a sealed key: its document, so ciphertexts cannot be swapped. */
const bindingOf = (key: { generation: number; kid: string }) =>
  `generation ${key.generation} (kid ${key.kid})`;

/** A fresh ES256 pair for `due`, its private half sealed with `encryptionKey`. */
export async function newSigningKey(
  due: DueKey,
  now: Date,
  encryptionKey: EncryptionKey,
): Promise<StoredSigningKey> {
  const pair = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const { kty, crv, x, y } = await exportJWK(pair.publicKey);
  // RFC 7638 thumbprint: the same key always gets the same kid, and no registry of ids is needed.
  const kid = await calculateJwkThumbprint({ kty, crv, x, y });
  const privateJwk = await exportJWK(pair.privateKey);
  const sealed = sealPrivateKey(privateJwk, encryptionKey, bindingOf({ ...due, kid }));
  return {
    generation: due.generation,
    kid,
    publicJwk: { kty, crv, x, y, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
    privateKey: sealed,
    createdAt: now,
    activatesAt: due.activatesAt,
  };
}

/** Decrypts a stored key; throws SigningKeyDecryptionError when it cannot be trusted. */
export async function openSigningKey(
  stored: StoredSigningKey,
  encryptionKey: EncryptionKey,
): Promise<RingKey> {
  const binding = bindingOf(stored);
  const jwk = openPrivateKey(stored.privateKey, encryptionKey, binding);
  const { kty, crv, x, y } = jwk;
  if ((await calculateJwkThumbprint({ kty, crv, x, y })) !== stored.kid)
    throw new SigningKeyDecryptionError(`the stored signing key ${binding} does not match its kid`);
  const privateKey = (await importJWK(jwk, SIGNING_ALGORITHM)) as KeyLike;
  const { generation, kid, publicJwk, activatesAt } = stored;
  return { generation, kid, publicJwk, activatesAt, privateKey };
}
