import { z } from 'zod';

/**
 * What an app may register for `private_key_jwt` (RFC 7523): public signing keys only. The token
 * service verifies client assertions with them, so every rule here keeps secrets out of the log
 * (no private member, no symmetric key) and keeps keys usable (known curves, sizes, algorithms).
 */
export const MAX_JWKS_KEYS = 10;
export const JWK_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'] as const;
/** Members only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1; RFC 8037). */
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be unpadded base64url');

const common = {
  kid: z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1-200 visible ASCII characters (a unique key id)'),
  use: z.literal('sig', 'must be "sig": these keys verify signatures').optional(),
  alg: z.enum(JWK_ALGORITHMS, `must be one of ${JWK_ALGORITHMS.join(', ')}`).optional(),
};

// Exact lengths per curve are checked below; these bounds only cap the size.
const ecKey = z.strictObject({
  kty: z.literal('EC'),
  ...common,
  crv: z.enum(['P-256', 'P-384'], 'must be P-256 or P-384'),
  x: base64url(43, 64),
  y: base64url(43, 64),
});
// 342-1366 base64url characters: a 2048 to 8192 bit modulus (RFC 7518 §3.3 asks for ≥ 2048).
const rsaKey = z.strictObject({
  kty: z.literal('RSA'),
  ...common,
  n: base64url(342, 1366),
  e: base64url(1, 8),
});
// X25519 and X448 are key agreement curves, never signature keys.
const okpKey = z.strictObject({
  kty: z.literal('OKP'),
  ...common,
  crv: z.enum(['Ed25519', 'Ed448'], 'must be Ed25519 or Ed448'),
  x: base64url(43, 76),
});

const publicKey = z.discriminatedUnion('kty', [ecKey, rsaKey, okpKey], {
  error: (issue) => (issue.code === 'invalid_union' ? 'must be EC, RSA or OKP' : undefined),
});

/** Base64url length of a coordinate or public key, per curve. */
const KEY_LENGTH: Record<'P-256' | 'P-384' | 'Ed25519' | 'Ed448', number> = {
  'P-256': 43,
  'P-384': 64,
  Ed25519: 43,
  Ed448: 76,
};
/** The key type (and curve) each algorithm needs. */
const ALG_NEEDS: Record<(typeof JWK_ALGORITHMS)[number], string> = {
  ES256: 'EC P-256',
  ES384: 'EC P-384',
  RS256: 'RSA',
  PS256: 'RSA',
  EdDSA: 'OKP',
};

/**
 * One public key. Private members are looked for first, so a pasted private key is refused as
 * such rather than as a list of unknown members. Messages never quote a value.
 */
export const publicJwkSchema = z
  .record(z.string(), z.unknown())
  .superRefine((key, ctx) => {
    if (key['kty'] === 'oct') {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'is a symmetric (oct) key, a shared secret: register a public key',
      });
      return;
    }
    const found = PRIVATE_JWK_MEMBERS.filter((member) => member in key);
    if (found.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `is a private key (it has ${found.join(', ')}): register its public key only`,
      });
    }
  })
  .pipe(publicKey)
  .superRefine((key, ctx) => {
    if (key.kty !== 'RSA') {
      const points = key.kty === 'EC' ? { x: key.x, y: key.y } : { x: key.x };
      for (const [name, value] of Object.entries(points)) {
        const length = KEY_LENGTH[key.crv];
        if (value.length !== length) {
          ctx.addIssue({ code: 'custom', path: [name], message: `must be ${length} characters` });
        }
      }
    }
    const kind = key.kty === 'EC' ? `EC ${key.crv}` : key.kty;
    if (key.alg && ALG_NEEDS[key.alg] !== kind) {
      ctx.addIssue({
        code: 'custom',
        path: ['alg'],
        message: `${key.alg} needs an ${ALG_NEEDS[key.alg]} key`,
      });
    }
  });
export type PublicJwk = z.infer<typeof publicJwkSchema>;

/** A JSON Web Key Set (RFC 7517 §5) of 1 to 10 public keys with unique `kid`s. */
export const jwksSchema = z
  .strictObject({ keys: z.array(publicJwkSchema).min(1).max(MAX_JWKS_KEYS) })
  .superRefine(({ keys }, ctx) => {
    keys.forEach((key, i) => {
      if (keys.findIndex((k) => k.kid === key.kid) !== i) {
        ctx.addIssue({ code: 'custom', path: ['keys', i, 'kid'], message: 'is used twice' });
      }
    });
  });
export type Jwks = z.infer<typeof jwksSchema>;

export const ACCESS_TOKEN_LIFETIME_MIN_SECONDS = 300;
export const ACCESS_TOKEN_LIFETIME_MAX_SECONDS = 86_400;
/** An app's own access token lifetime; null in the events means the token service default. */
export const accessTokenLifetimeSchema = z
  .number()
  .int()
  .min(ACCESS_TOKEN_LIFETIME_MIN_SECONDS)
  .max(ACCESS_TOKEN_LIFETIME_MAX_SECONDS);
