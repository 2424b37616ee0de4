import { generateKeyPairSync } from 'node:crypto';
import { Keyring } from '../../checkpoints/keyring';
import { parseSigningKey, SigningKey } from '../../checkpoints/signing-key';

/** A fresh Ed25519 private key as PKCS#8 PEM, e.g. for AUDIT_SIGNING_KEY in a test env. */
export function testSigningKeyPem(type: 'ed25519' | 'p256' = 'ed25519'): string {
  const { privateKey } =
    type === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function testSigningKey(type: 'ed25519' | 'p256' = 'ed25519'): SigningKey {
  const parsed = parseSigningKey(testSigningKeyPem(type));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

export function testKeyring(): Keyring {
  return new Keyring(testSigningKey());
}
