import { z } from 'zod';
import { nameInputSchema, parentIdInputSchema } from '../tenant-dto';

export const createFolderBodySchema = z
  .object({
    name: nameInputSchema.describe('unique among its siblings, ignoring case'),
    parentId: parentIdInputSchema.default(null),
  })
  .strict();
export type CreateFolderBody = z.output<typeof createFolderBodySchema>;
