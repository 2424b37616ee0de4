import { decodeProtectedHeader } from 'jose';
import { Principal } from '../http/authenticator';

/** Signature algorithms a resource server may accept: public-key ones only, never HS* or none. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const;
export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

export const DEFAULT_ALGORITHMS: readonly AsymmetricAlgorithm[] = ['ES256', 'RS256'];

/** RFC 9068 §4: `typ` is "at+jwt", optionally with the "application/" prefix (RFC 7515 §4.1.9). */
const ACCESS_TOKEN_TYPE = /^(application\/)?at\+jwt$/i;

/** A token refused for a reason that is safe to tell the caller. */
export class TokenRefused extends Error {
  override readonly name = 'TokenRefused';
}

/**
 * Checks made on the header before any key lookup, so a token that can never pass costs no JWKS
 * request. The signature still covers the header, and the verifier re-checks the algorithm.
 */
export function refuseHeader(token: string, algorithms: readonly string[]): TokenRefused | null {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return new TokenRefused('The access token is not a well-formed JWT.');
  }
  if (typeof header.alg !== 'string' || !algorithms.includes(header.alg))
    return new TokenRefused('The access token is signed with an algorithm that is not accepted.');
  if (typeof header.typ !== 'string' || !ACCESS_TOKEN_TYPE.test(header.typ))
    return new TokenRefused('The token is not an access token (typ must be at+jwt).');
  if (typeof header.kid !== 'string' || header.kid === '')
    return new TokenRefused('The access token names no signing key (kid).');
  return null;
}

export type ClaimsOutcome =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly refused: TokenRefused };

/**
 * The caller, from claims whose signature, iss, aud, exp and nbf are already verified. sub_type is
 * our private claim; without it a token whose client_id is its sub is the app's own (client
 * credentials), any other is a user's.
 */
export function principalFromClaims(claims: unknown): ClaimsOutcome {
  const refuse = (reason: string): ClaimsOutcome => ({
    ok: false,
    refused: new TokenRefused(reason),
  });
  if (typeof claims !== 'object' || claims === null)
    return refuse('The access token has no claims.');
  const { sub, sub_type, client_id, scope, exp } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') return refuse('The access token has no subject.');
  // jsonwebtoken checks exp only when present; a token that never expires is not acceptable.
  if (typeof exp !== 'number') return refuse('The access token has no expiry.');
  if (scope !== undefined && typeof scope !== 'string')
    return refuse('The access token scope is not a string.');
  const subjectType = sub_type ?? (client_id === sub ? 'app' : 'user');
  if (subjectType !== 'app' && subjectType !== 'user')
    return refuse('The access token sub_type is neither app nor user.');
  return {
    ok: true,
    principal: { subject: sub, subjectType, scopes: scopesOf(scope) },
  };
}

const scopesOf = (scope: string | undefined): string[] => [
  ...new Set((scope ?? '').split(' ').filter((s) => s !== '')),
];

/**
 * A caller-safe description of why jsonwebtoken refused a token. Its messages may echo the
 * expected issuer or audience, which is ours to know, so they are never passed through.
 */
export function describeRefusal(reason: unknown): string {
  if (reason instanceof TokenRefused) return reason.message;
  const { name, message } = (reason ?? {}) as { name?: unknown; message?: unknown };
  if (name === 'TokenExpiredError') return 'The access token has expired.';
  if (name === 'NotBeforeError') return 'The access token is not valid yet.';
  const text = typeof message === 'string' ? message : '';
  for (const [prefix, description] of VERIFIER_MESSAGES)
    if (text.startsWith(prefix)) return description;
  return 'The access token is invalid.';
}

// jsonwebtoken 9 messages; an unmatched one only loses precision ("invalid"), never a refusal.
const VERIFIER_MESSAGES: readonly (readonly [string, string])[] = [
  ['jwt issuer invalid', 'The access token was not issued by the trusted issuer.'],
  ['jwt audience invalid', 'The access token is not meant for this service.'],
  ['invalid signature', 'The access token signature is invalid.'],
  ['secret or public key must be provided', "The access token's signing key is unknown."],
  ['invalid algorithm', 'The access token is signed with an algorithm that is not accepted.'],
];
