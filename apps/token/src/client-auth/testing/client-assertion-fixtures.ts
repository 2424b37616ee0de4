import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, JWK, JWTPayload, KeyLike, SignJWT } from 'jose';
import { Client } from '../../clients/client';
import { projectClient } from '../../clients/client.projection';
import { AppStream, newSecret } from '../../testing/app-events';
import { JWT_BEARER_ASSERTION_TYPE } from '../client-assertion';

export const ISSUER = 'https://id.example.com';
export const TOKEN_ENDPOINT = `${ISSUER}/oauth/token`;

/** An app's key pair as it would register it: the public JWK with kid and alg. */
export interface AppKey {
  readonly alg: string;
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

export async function appKey(alg = 'ES256'): Promise<AppKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `key-${randomUUID()}`;
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

/** A confidential app projected from its registration, with `keys` as its registered JWKS. */
export function confidentialClient(clientId: string, ...keys: AppKey[]): Client {
  const outcome = projectClient(
    undefined,
    new AppStream(clientId).registeredConfidential(newSecret()),
  );
  if (outcome.kind !== 'applied') throw new Error('registration not applied');
  return { ...outcome.client, jwks: keys.length ? { keys: keys.map((k) => k.publicJwk) } : null };
}

/** RFC 7523 §3 claims for `clientId`, valid for a minute from `now`; `overrides` replace them. */
export function assertionClaims(
  clientId: string,
  now: Date,
  overrides: JWTPayload = {},
): JWTPayload {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    iss: clientId,
    sub: clientId,
    aud: TOKEN_ENDPOINT,
    iat,
    exp: iat + 60,
    jti: randomUUID(),
    ...overrides,
  };
}

export function signAssertion(key: AppKey, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .sign(key.privateKey);
}

/** The form fields of private_key_jwt. */
export const assertionForm = (assertion: string, extra: Record<string, string> = {}) =>
  new Map(
    Object.entries({
      client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
      client_assertion: assertion,
      ...extra,
    }),
  );
