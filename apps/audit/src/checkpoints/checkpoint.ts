import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { canonicalJson } from '@extapps/contracts';
import { Keyring } from './keyring';

/** What a checkpoint vouches for: the chain up to `seq` ends in `hash`. */
export interface CheckpointClaims {
  readonly seq: number;
  readonly hash: string;
  /** The recordedAt of the record at `seq` (retention compares it with its cut-off). */
  readonly recordedAt: string;
  readonly signedAt: string;
}

/**
 * A checkpoint as stored in `audit_checkpoints` (`_id` is its seq). The claims are repeated in
 * plain fields for queries; `jws` is the compact JWS (header {alg, kid}, payload the canonical
 * JSON of the claims) that anyone can check against the published JWKS. Only the JWS is trusted.
 */
export interface CheckpointDocument extends CheckpointClaims {
  readonly _id: number;
  readonly keyId: string;
  readonly jws: string;
}

export type CheckpointCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'unknown-key' | 'bad-signature' | 'altered' };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function signCheckpoint(
  claims: CheckpointClaims,
  keyring: Keyring,
): Promise<CheckpointDocument> {
  const key = keyring.signer();
  const { seq, hash, recordedAt, signedAt } = claims;
  const jws = await new CompactSign(
    encoder.encode(canonicalJson({ seq, hash, recordedAt, signedAt })),
  )
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .sign(key.privateKey);
  return { _id: seq, seq, hash, recordedAt, signedAt, keyId: key.kid, jws };
}

/** Valid when a known key signed exactly the claims the document shows. */
export async function checkCheckpoint(
  checkpoint: CheckpointDocument,
  keyring: Keyring,
): Promise<CheckpointCheck> {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(checkpoint.jws).kid;
  } catch {
    return { ok: false, reason: 'bad-signature' };
  }
  const key = typeof kid === 'string' ? keyring.find(kid) : undefined;
  if (!key) return { ok: false, reason: 'unknown-key' };
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(checkpoint.jws, key.publicKey, { algorithms: [key.alg] }));
  } catch {
    return { ok: false, reason: 'bad-signature' };
  }
  const { seq, hash, recordedAt, signedAt, keyId } = checkpoint;
  const shown = canonicalJson({ seq, hash, recordedAt, signedAt });
  return decoder.decode(payload) === shown && keyId === kid
    ? { ok: true }
    : { ok: false, reason: 'altered' };
}
