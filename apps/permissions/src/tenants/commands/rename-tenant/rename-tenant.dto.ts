import { z } from 'zod';
import { nameInputSchema } from '../tenant-dto';

/** The tenant's one changeable field. */
export const renameTenantBodySchema = z.object({ name: nameInputSchema }).strict();
export type RenameTenantBody = z.output<typeof renameTenantBodySchema>;
