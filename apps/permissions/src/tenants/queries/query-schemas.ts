import { z } from 'zod';
import { tenantResponseSchema } from './tenant-responses';

export const listTenantsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  })
  .strict();
export type ListTenantsQuery = z.output<typeof listTenantsQuerySchema>;

export const tenantListResponseSchema = z.object({
  items: z.array(tenantResponseSchema),
  nextCursor: z.string().nullable().describe('null on the last page'),
});
export type TenantListResponse = z.infer<typeof tenantListResponseSchema>;

export const listFoldersQuerySchema = z
  .object({
    format: z
      .enum(['flat', 'tree'])
      .default('flat')
      .describe('flat: a list with parentId; tree: nested children'),
  })
  .strict();
export type ListFoldersQuery = z.output<typeof listFoldersQuerySchema>;
