import { createLocalJWKSet, JWK, jwtVerify, JWTVerifyGetKey } from 'jose';

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Asymmetric algorithms only (the keys registration accepts): `none` proves nothing and an HMAC
 * key is a shared secret, which a registered public JWKS cannot hold.
 */
export const CLIENT_ASSERTION_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

/** An assertion may be valid for at most this long from now: it is made for one request. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;
/** Clock skew allowed between the client and us, on `exp` and `nbf`. */
export const ASSERTION_CLOCK_TOLERANCE_SECONDS = 30;
const MAX_JTI_LENGTH = 200;

export interface AssertionContext {
  readonly clientId: string;
  readonly jwks: { readonly keys: readonly JWK[] };
  /** Accepted `aud` values: the token endpoint URL and the issuer (RFC 7523 §3 item 3). */
  readonly audiences: readonly string[];
  readonly now: Date;
}

/** A verified assertion: its `jti` must still be claimed once (replay), until `usableUntil`. */
export type AssertionCheck =
  | { readonly ok: true; readonly jti: string; readonly usableUntil: Date }
  | { readonly ok: false; readonly problem: string };

// A key set per registered JWKS object: the client table replaces the object when keys change.
const keySets = new WeakMap<object, JWTVerifyGetKey>();

function keySetOf(jwks: AssertionContext['jwks']): JWTVerifyGetKey {
  let keySet = keySets.get(jwks);
  if (!keySet) {
    keySet = createLocalJWKSet({ keys: [...jwks.keys] });
    keySets.set(jwks, keySet);
  }
  return keySet;
}

/**
 * RFC 7523 §3 checks of a client assertion: signed by a key of the client's registered JWKS with
 * an allowed algorithm; `iss` and `sub` the client id; `aud` naming us; `exp` present, not past
 * and not far ahead; `nbf` (when present) reached; a `jti` to make it single use. `problem` says
 * which rule failed, for the log only (the client is told `invalid_client`).
 */
export async function verifyClientAssertion(
  assertion: string,
  context: AssertionContext,
): Promise<AssertionCheck> {
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, keySetOf(context.jwks), {
      algorithms: CLIENT_ASSERTION_ALGORITHMS,
      issuer: context.clientId,
      subject: context.clientId,
      audience: [...context.audiences],
      requiredClaims: ['exp', 'jti'],
      currentDate: context.now,
      clockTolerance: ASSERTION_CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  const { exp, jti } = payload as { exp: number; jti: unknown };
  const latest = context.now.getTime() / 1000 + MAX_ASSERTION_LIFETIME_SECONDS;
  if (exp > latest + ASSERTION_CLOCK_TOLERANCE_SECONDS)
    return { ok: false, problem: `exp is more than ${MAX_ASSERTION_LIFETIME_SECONDS} s ahead` };
  if (typeof jti !== 'string' || jti === '' || jti.length > MAX_JTI_LENGTH)
    return { ok: false, problem: `jti must be a string of 1-${MAX_JTI_LENGTH} characters` };
  const usableUntil = new Date((exp + ASSERTION_CLOCK_TOLERANCE_SECONDS) * 1000);
  return { ok: true, jti, usableUntil };
}

/** jose's code and message name the rule (a claim, the algorithm), never a key or a secret. */
function problemOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
