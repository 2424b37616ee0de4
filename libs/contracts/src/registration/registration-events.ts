import { z } from 'zod';
import { defineEvent, EventDefinition, EventOf } from '../events/event-definition';
import {
  appIdSchema,
  appNameSchema,
  appScopesSchema,
  appTypeSchema,
  redirectUrisSchema,
  secretIdSchema,
  secretSchema,
} from './registration-values';
import { accessTokenLifetimeSchema, jwksSchema } from './client-keys';

const registeredData = z
  .object({
    appId: appIdSchema,
    name: appNameSchema,
    type: appTypeSchema,
    redirectUris: redirectUrisSchema,
    userScopes: appScopesSchema.shape.userScopes,
    applicationScopes: appScopesSchema.shape.applicationScopes,
    /** Present exactly for confidential apps, which always start with one secret. */
    firstSecret: secretSchema.nullable(),
    // Optional, and schema version 1 still: added later, an absent field means null (no keys, the
    // default lifetime), so every event stored before still parses and means what it meant, and
    // the decider leaves them out unless set. Caveat: a consumer built from an older contract
    // refuses an event that carries them (strict objects), so consumers are deployed first.
    /** Public keys for private_key_jwt: confidential apps only. */
    jwks: jwksSchema.nullable().optional(),
    /** The app's own access token lifetime; null: the token service default. */
    accessTokenLifetimeSeconds: accessTokenLifetimeSchema.nullable().optional(),
  })
  .strict()
  .superRefine((app, ctx) => {
    const confidential = app.type === 'confidential';
    if (confidential !== (app.firstSecret !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['firstSecret'],
        message: 'a confidential app has a first secret and a non-confidential app has none',
      });
    }
    if (!confidential && app.applicationScopes.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicationScopes'],
        message: 'a non-confidential app has user scopes only',
      });
    }
    if (!confidential && app.jwks) {
      ctx.addIssue({
        code: 'custom',
        path: ['jwks'],
        message: 'a non-confidential app has no JWKS: private_key_jwt is client authentication',
      });
    }
    if (app.userScopes.length > 0 && app.redirectUris.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['redirectUris'],
        message: 'an app with user scopes needs a redirect URI',
      });
    }
  });

const change = <T extends z.ZodType>(value: T) =>
  z.object({ before: value, after: value }).strict();
const nothing = z.object({}).strict();

export const ExternalAppRegistered = defineEvent('ExternalAppRegistered', 1, registeredData);
export const ExternalAppRenamed = defineEvent('ExternalAppRenamed', 1, change(appNameSchema));
export const RedirectUrisChanged = defineEvent(
  'RedirectUrisChanged',
  1,
  change(redirectUrisSchema),
);
export const ScopesChanged = defineEvent('ScopesChanged', 1, change(appScopesSchema));
export const SecretAdded = defineEvent('SecretAdded', 1, secretSchema);
export const SecretRevoked = defineEvent(
  'SecretRevoked',
  1,
  z.object({ secretId: secretIdSchema }).strict(),
);
export const ExternalAppDisabled = defineEvent('ExternalAppDisabled', 1, nothing);
export const ExternalAppEnabled = defineEvent('ExternalAppEnabled', 1, nothing);
/**
 * The secret entered the warning window before its expiry; emitted once per secret by the
 * registration service's expiry check (actor `system`), so owners can rotate in time.
 */
export const SecretExpiringSoon = defineEvent(
  'SecretExpiringSoon',
  1,
  z.object({ secretId: secretIdSchema, expiresAt: z.iso.datetime({ offset: false }) }).strict(),
);
/**
 * The app's public keys for private_key_jwt were set, replaced or removed (null). Only a
 * confidential app has keys; the registration service refuses them for any other.
 */
export const ClientKeysChanged = defineEvent('ClientKeysChanged', 1, change(jwksSchema.nullable()));
/** The app's access token lifetime was set or reset to the default (null). */
export const AccessTokenLifetimeChanged = defineEvent(
  'AccessTokenLifetimeChanged',
  1,
  change(accessTokenLifetimeSchema.nullable()),
);
/** Final: the app id is never reused and the stream accepts no further event. */
export const ExternalAppDeleted = defineEvent('ExternalAppDeleted', 1, nothing);

/** Every event of the registration service, published to `extapps.registration.events.v1`. */
export const registrationEvents = [
  ExternalAppRegistered,
  ExternalAppRenamed,
  RedirectUrisChanged,
  ScopesChanged,
  ClientKeysChanged,
  AccessTokenLifetimeChanged,
  SecretAdded,
  SecretRevoked,
  SecretExpiringSoon,
  ExternalAppDisabled,
  ExternalAppEnabled,
  ExternalAppDeleted,
] as const;

type RegistrationEventDefinition = (typeof registrationEvents)[number];

/** A registration event as stored and published: the full envelope. */
export type RegistrationEvent = EventOf<RegistrationEventDefinition>;

/** Type and data only: what a decider produces before the envelope is added. */
export type PayloadOf<D> =
  D extends EventDefinition<infer T, infer P> ? { type: T; data: P } : never;
export type RegistrationEventPayload = PayloadOf<RegistrationEventDefinition>;
export type RegistrationEventType = RegistrationEventPayload['type'];
export type RegistrationEventData<T extends RegistrationEventType> = Extract<
  RegistrationEventPayload,
  { type: T }
>['data'];
