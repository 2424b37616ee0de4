import { z } from 'zod';
import { defineEvent, EventOf } from '../events/event-definition';
import { appIdSchema, secretIdSchema } from '../registration/registration-values';

export const grantTypeSchema = z.enum([
  'client_credentials',
  'authorization_code',
  'refresh_token',
]);
export type GrantType = z.infer<typeof grantTypeSchema>;

/**
 * An access token was issued. Stream id and message key are the client id, so one app's token
 * events stay in order. `secretId` names the client secret that authenticated the request (the
 * registration service records it as the secret's last use); null for any other client
 * authentication. The token itself never appears in an event.
 */
export const TokenIssued = defineEvent(
  'TokenIssued',
  1,
  z
    .object({
      clientId: appIdSchema,
      grantType: grantTypeSchema,
      subject: z.string().min(1).max(200),
      subjectType: z.enum(['app', 'user']),
      /** Space-separated, as in the token's `scope` claim. */
      scope: z.string().max(4000),
      audience: z.array(z.string().min(1).max(200)),
      jti: z.string().min(1).max(200),
      expiresAt: z.iso.datetime({ offset: false }),
      secretId: secretIdSchema.nullable(),
    })
    .strict(),
);

/**
 * The token service's events on `extapps.token.events.v1`. Issue #4 adds the rest
 * (TokenRefreshed, TokenRevoked, ClientAuthenticationFailed, ...); consumers list the ones they read.
 */
export const tokenEvents = [TokenIssued] as const;
export type TokenEvent = EventOf<(typeof tokenEvents)[number]>;
