import { z } from 'zod';
import { nameInputSchema, parentIdInputSchema } from '../tenant-dto';

/** A rename, a move (parentId), or both at once (one event); a field left out keeps its value. */
export const updateFolderBodySchema = z
  .object({
    name: nameInputSchema.optional(),
    parentId: parentIdInputSchema
      .optional()
      .describe('moves the folder with its sub-tree; null: to the tenant root'),
  })
  .strict()
  .refine((body) => body.name !== undefined || body.parentId !== undefined, {
    message: 'give name, parentId or both',
  });
export type UpdateFolderBody = z.output<typeof updateFolderBodySchema>;
