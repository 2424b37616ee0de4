import { z } from 'zod';
import { defineEvent } from '../events/event-definition';
import { appIdSchema, secretIdSchema } from '../registration/registration-values';
import { userIdSchema, usernameSchema } from './user-values';

export const grantTypeSchema = z.enum([
  'client_credentials',
  'authorization_code',
  'refresh_token',
]);
export type GrantType = z.infer<typeof grantTypeSchema>;

export const clientAuthMethodSchema = z.enum([
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
  'none',
]);
export type ClientAuthMethodName = z.infer<typeof clientAuthMethodSchema>;

/** One authorization (a user's consent to an app, or one code exchange); refresh tokens belong to it. */
export const grantIdSchema = z.string().min(1).max(200);
const scopeString = z.string().max(4000);
const audience = z.array(z.string().min(1).max(200));
const instant = z.iso.datetime({ offset: false });
const subjectType = z.enum(['app', 'user']);

/**
 * An access token was issued. Stream id and message key are the client id, so one app's token
 * events stay in order. `secretId` names the client secret that authenticated the request (the
 * registration service records it as the secret's last use); null for any other client
 * authentication. `grantId` ties a user token to its grant (absent for client credentials).
 * The token itself never appears in an event.
 */
export const TokenIssued = defineEvent(
  'TokenIssued',
  1,
  z
    .object({
      clientId: appIdSchema,
      grantType: grantTypeSchema,
      subject: z.string().min(1).max(200),
      subjectType,
      /** Space-separated, as in the token's `scope` claim. */
      scope: scopeString,
      audience,
      jti: z.string().min(1).max(200),
      expiresAt: instant,
      secretId: secretIdSchema.nullable(),
      grantId: grantIdSchema.nullable().optional(),
    })
    .strict(),
);

/** A refresh token was redeemed (and rotated) for a new access token of the same grant. */
export const TokenRefreshed = defineEvent(
  'TokenRefreshed',
  1,
  z
    .object({
      clientId: appIdSchema,
      subject: z.string().min(1).max(200),
      subjectType,
      scope: scopeString,
      audience,
      jti: z.string().min(1).max(200),
      expiresAt: instant,
      secretId: secretIdSchema.nullable(),
      grantId: grantIdSchema,
    })
    .strict(),
);

/**
 * A token or a whole grant stopped being valid: on the client's request (RFC 7009), or because a
 * code or refresh token was replayed (RFC 9700 §2.1.2, §4.14).
 */
export const TokenRevoked = defineEvent(
  'TokenRevoked',
  1,
  z
    .object({
      clientId: appIdSchema,
      target: z.enum(['access_token', 'refresh_token', 'grant']),
      jti: z.string().min(1).max(200).nullable(),
      grantId: grantIdSchema.nullable(),
      reason: z.enum(['revocation-request', 'authorization-code-reuse', 'refresh-token-reuse']),
    })
    .strict(),
);

export const clientAuthFailureSchema = z.enum([
  'unknown-client',
  'secret-required',
  'no-secrets',
  'wrong-secret',
  'revoked-secret',
  'expired-secret',
  'disabled',
  'deleted',
  'throttled',
  'invalid-assertion',
  'no-keys',
]);

/**
 * A client failed to authenticate at one of the endpoints. `clientId` is null for an unknown
 * client (a mistyped id may be a pasted secret); the stream id is then `unknown-client`.
 */
export const ClientAuthenticationFailed = defineEvent(
  'ClientAuthenticationFailed',
  1,
  z
    .object({
      clientId: appIdSchema.nullable(),
      method: clientAuthMethodSchema,
      reason: clientAuthFailureSchema,
      endpoint: z.enum(['token', 'introspection', 'revocation']),
    })
    .strict(),
);

/** An old refresh token came back: its whole grant is revoked (TokenRevoked follows). */
export const RefreshTokenReuseDetected = defineEvent(
  'RefreshTokenReuseDetected',
  1,
  z
    .object({ clientId: appIdSchema, subject: z.string().min(1).max(200), grantId: grantIdSchema })
    .strict(),
);

/** An organization user signed in on the login page, on behalf of `clientId`'s authorization request. */
export const UserSignedIn = defineEvent(
  'UserSignedIn',
  1,
  z.object({ userId: userIdSchema, username: usernameSchema, clientId: appIdSchema }).strict(),
);

/** A sign-in was refused. `userId` is null for an unknown username, which is never recorded. */
export const UserSignInFailed = defineEvent(
  'UserSignInFailed',
  1,
  z
    .object({
      userId: userIdSchema.nullable(),
      clientId: appIdSchema,
      reason: z.enum(['unknown-user', 'wrong-password', 'locked-out', 'disabled']),
    })
    .strict(),
);

/** The user allowed the app the listed scopes (space-separated) for the audience. */
export const ConsentGranted = defineEvent(
  'ConsentGranted',
  1,
  z.object({ userId: userIdSchema, clientId: appIdSchema, scope: scopeString, audience }).strict(),
);

export const tokenGrantEvents = [
  TokenIssued,
  TokenRefreshed,
  TokenRevoked,
  ClientAuthenticationFailed,
  RefreshTokenReuseDetected,
  UserSignedIn,
  UserSignInFailed,
  ConsentGranted,
] as const;
