import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  JWK,
  JWTPayload,
  KeyLike,
  SignJWT,
} from 'jose';

export const SIGNING_ALGORITHM = 'ES256';

/** RFC 9068 §2.1: the media type of JWT access tokens, so they cannot pass for ID tokens. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface JsonWebKeySet {
  readonly keys: readonly JWK[];
}

/**
 * The key that signs access tokens. Caveat (until issue #4 persists keys encrypted and rotates
 * them): the pair is generated at start and lives only in this process, so a restart makes every
 * token issued before it unverifiable, and several instances each sign with a key of their own
 * that the others' JWKS do not publish.
 */
export class SigningKeys {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly kid: string,
    readonly jwks: JsonWebKeySet,
  ) {}

  static async generate(): Promise<SigningKeys> {
    const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM);
    const jwk = await exportJWK(publicKey);
    // RFC 7638 thumbprint: the same key always gets the same kid, and no registry of ids is needed.
    const kid = await calculateJwkThumbprint(jwk);
    const published: JWK = { ...jwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' };
    return new SigningKeys(privateKey, kid, { keys: [published] });
  }

  /** Signs `payload` as an RFC 9068 access token. */
  sign(payload: JWTPayload): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: this.kid })
      .sign(this.privateKey);
  }
}
