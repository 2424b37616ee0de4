import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { Jwks, jwksSchema, PublicJwk } from '@extapps/contracts';

export interface ClientKey {
  /** The public JWK an app registers, as the contract parses it. */
  readonly jwk: PublicJwk;
  /** What the app keeps to sign its client assertions. */
  readonly privateKey: KeyObject;
}

/** A fresh ES256 key pair for one app; `kid` names it in the JWKS. */
export function newClientKey(kid: string): ClientKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const [jwk] = jwksSchema.parse({
    keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }],
  }).keys;
  if (!jwk) throw new Error('the JWKS lost its key');
  return { jwk, privateKey };
}

/** The JWKS an app registers for these keys. */
export const jwksOf = (...keys: ClientKey[]): Jwks => ({ keys: keys.map((k) => k.jwk) });
