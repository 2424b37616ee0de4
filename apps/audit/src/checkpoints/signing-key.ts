import { createHash, createPrivateKey, createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { Parsed } from '@extapps/platform';
import { canonicalJson } from '@extapps/contracts';

export type CheckpointAlgorithm = 'EdDSA' | 'ES256';

/** A public JWK as published at /v1/audit/keys. */
export interface PublicJwk {
  readonly kty: string;
  readonly crv: string;
  readonly x: string;
  readonly y?: string;
  readonly kid: string;
  readonly alg: CheckpointAlgorithm;
  readonly use: 'sig';
}

export interface VerificationKey {
  /** The RFC 7638 thumbprint of the public key: the same key always gets the same id. */
  readonly kid: string;
  readonly alg: CheckpointAlgorithm;
  readonly publicKey: KeyObject;
  readonly jwk: PublicJwk;
}

export interface SigningKey extends VerificationKey {
  readonly privateKey: KeyObject;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const EXPECTED_PRIVATE =
  'expected an Ed25519 or P-256 private key, as PKCS#8 PEM (newlines may be written as \\n) or as a private JWK';

/** AUDIT_SIGNING_KEY. A reason never repeats the value: it is a secret. */
export function parseSigningKey(raw: string): Parsed<SigningKey> {
  let privateKey: KeyObject;
  try {
    privateKey = raw.startsWith('{')
      ? createPrivateKey({ key: JSON.parse(raw) as JsonWebKey, format: 'jwk' })
      : createPrivateKey(raw.replace(/\\n/g, '\n'));
  } catch {
    return fail(`${EXPECTED_PRIVATE}; it could not be read as either`);
  }
  const verification = verificationKeyOf(createPublicKey(privateKey));
  return verification.ok ? ok({ ...verification.value, privateKey }) : fail(verification.reason);
}

/** AUDIT_RETIRED_PUBLIC_KEYS: a JWKS (`{"keys": [...]}`) of public keys only. */
export function parsePublicKeySet(raw: string): Parsed<VerificationKey[]> {
  let keys: unknown;
  try {
    keys = (JSON.parse(raw) as { keys?: unknown }).keys;
  } catch {
    return fail('expected a JWKS: {"keys": [public JWK, ...]}');
  }
  if (!Array.isArray(keys)) return fail('expected a JWKS: {"keys": [public JWK, ...]}');
  const parsed: VerificationKey[] = [];
  for (const [index, jwk] of keys.entries()) {
    if (typeof jwk !== 'object' || jwk === null || 'd' in jwk)
      return fail(`keys[${index}]: expected a public JWK (a private one must not be listed here)`);
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } catch {
      return fail(`keys[${index}]: not a valid public JWK`);
    }
    const key = verificationKeyOf(publicKey);
    if (!key.ok) return fail(`keys[${index}]: ${key.reason}`);
    parsed.push(key.value);
  }
  return ok(parsed);
}

function verificationKeyOf(publicKey: KeyObject): Parsed<VerificationKey> {
  const alg = algorithmOf(publicKey);
  if (!alg) return fail(`${EXPECTED_PRIVATE}; got a ${describe(publicKey)} key`);
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  if (!kty || !crv || !x) return fail('the key has no exportable public JWK');
  const members = y === undefined ? { crv, kty, x } : { crv, kty, x, y };
  const kid = createHash('sha256').update(canonicalJson(members)).digest('base64url');
  return ok({ kid, alg, publicKey, jwk: { ...members, kid, alg, use: 'sig' } });
}

function algorithmOf(key: KeyObject): CheckpointAlgorithm | undefined {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
    return 'ES256';
  return undefined;
}

function describe(key: KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return `${key.asymmetricKeyType ?? 'unknown'}${curve ? ` ${curve}` : ''}`;
}
