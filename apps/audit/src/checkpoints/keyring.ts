import { PublicJwk, SigningKey, VerificationKey } from './signing-key';

/**
 * The key that signs new checkpoints and every key whose checkpoints still verify (the current one
 * and retired ones, after a rotation). Only public keys are needed to verify.
 */
export class Keyring {
  private readonly byKid = new Map<string, VerificationKey>();

  constructor(
    /** Null for a verifier that only has public keys (the CLI given a JWKS). */
    readonly signing: SigningKey | null,
    verification: readonly VerificationKey[] = [],
  ) {
    for (const key of signing ? [signing, ...verification] : verification) {
      if (!this.byKid.has(key.kid)) this.byKid.set(key.kid, key);
    }
  }

  find(kid: string): VerificationKey | undefined {
    return this.byKid.get(kid);
  }

  /** The published JWKS: public members only, the signing key first. */
  jwks(): { keys: PublicJwk[] } {
    return { keys: [...this.byKid.values()].map((key) => key.jwk) };
  }

  /** The signing key, or an error for a verify-only keyring. */
  signer(): SigningKey {
    if (!this.signing) throw new Error('this keyring has no signing key');
    return this.signing;
  }
}
