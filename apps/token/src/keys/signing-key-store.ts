import type { JWK } from 'jose';
import { SealedPrivateKey } from './key-cipher';

/**
 * One signing key as stored, shared by every instance. `generation` numbers keys 1, 2, 3, ... and
 * is the document id: of two instances rotating at once, exactly one insert of the next
 * generation wins, and the other adopts the winner's key.
 */
export interface StoredSigningKey {
  readonly generation: number;
  /** RFC 7638 thumbprint of the public key. */
  readonly kid: string;
  /** The public JWK as published (kty, crv, x, y, kid, alg, use). */
  readonly publicJwk: JWK;
  readonly privateKey: SealedPrivateKey;
  readonly createdAt: Date;
  /** When it starts signing; published from creation, so from a publish-ahead interval before. */
  readonly activatesAt: Date;
}

export type InsertOutcome = 'inserted' | 'taken';

/** Where signing keys live. Insert-only per generation; no update ever rewrites a key. */
export interface SigningKeyStore {
  /** Every stored key, by ascending generation. */
  list(): Promise<StoredSigningKey[]>;
  /** `taken` when that generation exists already; the stored key is then left as it was. */
  insert(key: StoredSigningKey): Promise<InsertOutcome>;
  /** Removes these generations (absent ones are ignored). */
  remove(generations: readonly number[]): Promise<void>;
}

export const SIGNING_KEY_STORE = Symbol('SIGNING_KEY_STORE');
