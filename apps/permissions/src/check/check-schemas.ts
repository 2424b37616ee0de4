import {
  entityIdSchema,
  permissionNameSchema,
  principalSchema,
  principalTypeSchema,
} from '@extapps/contracts';
import { z } from 'zod';
import { DENIAL_CODES } from '../access/access-decision';
import { MAX_BATCH_CHECKS } from './check-request';

/*
 * The check API's shapes for the OpenAPI document (and the effective-permissions query, which is
 * parsed with its schema). The check bodies are parsed by hand in check-request.ts; a spec holds
 * both to the same answers.
 */

export const checkBodySchema = z
  .object({
    principal: principalSchema.describe('The app (client id) or user (user id) to check.'),
    permission: permissionNameSchema.describe('A permission of the catalog, e.g. Jobs.View.'),
    tenant: entityIdSchema.describe('The tenant id.'),
    folder: entityIdSchema
      .optional()
      .describe('A folder of the tenant; absent: on the tenant itself (tenant-wide roles only).'),
  })
  .strict();

export const batchCheckBodySchema = z
  .object({ checks: z.array(checkBodySchema).min(1).max(MAX_BATCH_CHECKS) })
  .strict();

const grantedBySchema = z.object({
  assignmentId: z.string(),
  roleId: z.string(),
  roleName: z.string(),
  tenantId: z.string(),
  folderId: z.string().nullable().describe('null: the role is assigned on the whole tenant'),
});

const reasonSchema = z.object({ code: z.enum(DENIAL_CODES), message: z.string() });

export const checkResponseSchema = z.union([
  z.object({
    allowed: z.literal(true),
    grantedBy: grantedBySchema.describe('The nearest assignment granting it.'),
  }),
  z.object({ allowed: z.literal(false), reason: reasonSchema }),
]);

export const batchCheckResponseSchema = z.object({
  results: z.array(checkResponseSchema).describe('One answer per check, in request order.'),
});

export const effectivePermissionsQuerySchema = z
  .object({
    type: principalTypeSchema.default('app').describe('What the id names: app (default) or user.'),
    tenant: entityIdSchema.describe('The tenant id.'),
    folder: entityIdSchema
      .optional()
      .describe('A folder of the tenant; absent: the tenant itself.'),
  })
  .strict();
export type EffectivePermissionsQuery = z.output<typeof effectivePermissionsQuerySchema>;

export const effectivePermissionsResponseSchema = z.object({
  principal: principalSchema,
  tenant: z.string(),
  folder: z.string().nullable(),
  permissions: z.array(
    z.object({
      permission: z.string(),
      grantedBy: z.array(grantedBySchema).describe('Every grant, nearest place first.'),
    }),
  ),
  inactive: reasonSchema
    .optional()
    .describe('Present when the principal is disabled or deleted: nothing is in effect.'),
});
export type EffectivePermissionsResponse = z.output<typeof effectivePermissionsResponseSchema>;
