import {
  accessTokenLifetimeSchema,
  actorSchema,
  appTypeSchema,
  jwksSchema,
  resourceCatalogSchema,
  scopeGrantSchema,
} from '@extapps/contracts';
import { z } from 'zod';
import { cursorField } from './cursor';

const instant = z.iso.datetime({ offset: false });
const limit = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const appStatusSchema = z.enum(['active', 'disabled', 'deleted']);
export const secretStatusSchema = z.enum(['active', 'expired', 'revoked']);

// ---- query strings (unknown parameters are refused) ----

/** Where the previous page ended in the list's (createdAt, id) order. */
export const appListCursorSchema = z.object({ createdAt: instant, id: z.string() }).strict();

export const listAppsQuerySchema = z
  .object({
    /** Case-insensitive substring of the name. */
    name: z.string().min(1).max(100).optional(),
    type: appTypeSchema.optional(),
    /** Without it, every app except deleted ones. */
    status: appStatusSchema.optional(),
    limit: limit(100, 20),
    cursor: cursorField(appListCursorSchema).optional(),
  })
  .strict();
export type ListAppsQuery = z.output<typeof listAppsQuerySchema>;

export const getAppQuerySchema = z
  .object({
    /** The app as it was at this instant (any ISO 8601 offset). */
    asOf: z.iso
      .datetime({ offset: true })
      .transform((s) => new Date(s))
      .optional(),
  })
  .strict();

/** The last version the previous history page showed. */
export const historyCursorSchema = z.object({ version: z.number().int().min(1) }).strict();

export const historyQuerySchema = z
  .object({ limit: limit(100, 50), cursor: cursorField(historyCursorSchema).optional() })
  .strict();
export type HistoryQuery = z.output<typeof historyQuerySchema>;

export const expiringSecretsQuerySchema = z
  .object({ withinDays: z.coerce.number().int().min(1).max(365).optional() })
  .strict();

// ---- responses ----

export const actorViewSchema = z.object({
  type: actorSchema.shape.type,
  id: z.string(),
  displayName: z.string().optional(),
});

export const secretResponseSchema = z.object({
  id: z.string(),
  description: z.string(),
  createdAt: instant,
  /** Null: never expires. */
  expiresAt: instant.nullable(),
  revokedAt: instant.nullable(),
  /** From the token service's events; null when never used (or, with asOf, not known). */
  lastUsedAt: instant.nullable(),
  /** At the time of the request (or asOf): revoked wins over expired. */
  status: secretStatusSchema,
});
export type SecretResponse = z.infer<typeof secretResponseSchema>;

export const appResponseSchema = z.object({
  /** The OAuth client_id. */
  id: z.string(),
  name: z.string(),
  type: appTypeSchema,
  status: appStatusSchema,
  redirectUris: z.array(z.string()),
  userScopes: z.array(scopeGrantSchema),
  applicationScopes: z.array(scopeGrantSchema),
  /** Revoked ones included; always empty for a non-confidential app. */
  secrets: z.array(secretResponseSchema),
  jwks: jwksSchema
    .nullable()
    .describe('public keys for private_key_jwt (confidential apps only); null: none'),
  accessTokenLifetimeSeconds: accessTokenLifetimeSchema
    .nullable()
    .describe('lifetime of the access tokens issued to the app; null: the token service default'),
  /** Also the ETag; send it as If-Match to change the app. */
  version: z.number().int(),
  createdAt: instant,
  createdBy: actorViewSchema,
  updatedAt: instant,
  updatedBy: actorViewSchema,
});
export type AppResponse = z.infer<typeof appResponseSchema>;

export const appListResponseSchema = z.object({
  items: z.array(appResponseSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AppListResponse = z.infer<typeof appListResponseSchema>;

export const historyEntrySchema = z.object({
  eventId: z.string(),
  version: z.number().int(),
  type: z.string(),
  occurredAt: instant,
  actor: actorSchema,
  correlationId: z.string(),
  causationId: z.string().nullable(),
  /** The event's data: changes carry `before` and `after`; secrets carry no hash. */
  data: z.record(z.string(), z.unknown()),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyResponseSchema = z.object({
  /** Oldest first. */
  items: z.array(historyEntrySchema),
  nextCursor: z.string().nullable(),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

export const expiringSecretSchema = z.object({
  appId: z.string(),
  appName: z.string(),
  secretId: z.string(),
  description: z.string(),
  expiresAt: instant,
  /** When SecretExpiringSoon was emitted; null until the expiry check gets to it. */
  expiryWarnedAt: instant.nullable(),
});
export type ExpiringSecret = z.infer<typeof expiringSecretSchema>;

export const expiringSecretsResponseSchema = z.object({
  /** Soonest expiry first. */
  items: z.array(expiringSecretSchema),
});

export const resourcesResponseSchema = resourceCatalogSchema;
