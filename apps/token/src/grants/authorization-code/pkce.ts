import { createHash, timingSafeEqual } from 'node:crypto';
import { AppType } from '@extapps/contracts';
import { failure, Outcome, success } from '../../token-endpoint/oauth-error';

/** RFC 7636 §4.1: 43-128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export const isWellFormedVerifier = (verifier: string): boolean => VERIFIER.test(verifier);

/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
export const s256Challenge = (verifier: string): string =>
  createHash('sha256').update(verifier, 'ascii').digest('base64url');

/**
 * RFC 7636 §4.6 and RFC 9700 §2.1.1: S256 only (the authorization endpoint accepts no other
 * method, so a stored challenge is an S256 one). A challenge needs its verifier; a verifier sent
 * for a code issued without a challenge is refused, which stops a PKCE downgrade; and a
 * non-confidential app has no code without a challenge.
 */
export function checkPkce(
  challenge: string | null,
  verifier: string | undefined,
  clientType: AppType,
): Outcome<void> {
  if (challenge === null) {
    if (verifier !== undefined)
      return failure('invalid_grant', 'code_verifier was sent for a code issued without PKCE.');
    if (clientType === 'non-confidential')
      return failure('invalid_grant', 'PKCE is required: the code was issued without a challenge.');
    return success(undefined);
  }
  if (verifier === undefined)
    return failure('invalid_grant', 'code_verifier is required: the code was issued with PKCE.');
  if (!sameText(s256Challenge(verifier), challenge))
    return failure('invalid_grant', 'code_verifier does not match the code_challenge.');
  return success(undefined);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
