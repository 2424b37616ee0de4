import { appTypeSchema } from '@extapps/contracts';
import { z } from 'zod';
import { appResponseSchema } from '../../queries/schemas';
import { createdSecretSchema } from '../secret-material';

// Shapes only: the decider owns the rules (URI syntax, scope kinds, limits) and answers 422 with
// the field, so these bounds are loose caps against abuse, not the product's limits.
export const scopeNamesSchema = z.array(z.string().max(200)).max(200);
export const redirectUrisInputSchema = z.array(z.string().max(4000)).max(100);
export const appNameInputSchema = z.string().max(1000);
export const expiresAtInputSchema = z.iso
  .datetime({ offset: true })
  .nullable()
  .describe('ISO 8601 instant; null or absent: the secret never expires');

export const jwksInputSchema = z
  .looseObject({ keys: z.array(z.record(z.string(), z.unknown())).max(100) })
  .nullable()
  .describe(
    'JSON Web Key Set for private_key_jwt (confidential apps only): 1-10 public signing keys, ' +
      'each with a unique kid; EC P-256/P-384, RSA of 2048+ bits, OKP Ed25519/Ed448; use "sig" ' +
      'and alg ES256, ES384, RS256, PS256 or EdDSA when given. Private and oct keys are refused ' +
      '(422 invalid-jwks). Null: none.',
  );
export const accessTokenLifetimeInputSchema = z
  .number()
  .nullable()
  .describe(
    'lifetime in seconds of the access tokens issued to the app, 300-86400; null: the token ' +
      'service default (1 hour)',
  );

export const secretInputSchema = z
  .object({
    description: z.string().max(1000).default(''),
    expiresAt: expiresAtInputSchema.default(null),
  })
  .strict();

export const registerAppBodySchema = z
  .object({
    name: appNameInputSchema,
    type: appTypeSchema,
    redirectUris: redirectUrisInputSchema.default([]),
    userScopes: scopeNamesSchema.default([]).describe('user scope names from GET /v1/resources'),
    applicationScopes: scopeNamesSchema
      .default([])
      .describe('application scope names from GET /v1/resources (confidential apps only)'),
    firstSecret: secretInputSchema
      .optional()
      .describe('confidential apps only; a secret is generated for every confidential app'),
    jwks: jwksInputSchema.optional(),
    accessTokenLifetimeSeconds: accessTokenLifetimeInputSchema.optional(),
  })
  .strict();

export type RegisterAppBody = z.output<typeof registerAppBodySchema>;

/** The one response that shows a confidential app's first secret in plaintext. */
export const registerAppResponseSchema = z.object({
  client_id: z.string().describe('the app id, its OAuth client_id'),
  client_secret: z
    .string()
    .optional()
    .describe('confidential apps: the first secret, shown in this response only'),
  secret: createdSecretSchema.optional(),
  app: appResponseSchema,
});
