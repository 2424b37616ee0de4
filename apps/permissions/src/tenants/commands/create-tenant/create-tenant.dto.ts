import { z } from 'zod';
import { nameInputSchema } from '../tenant-dto';

export const createTenantBodySchema = z
  .object({ name: nameInputSchema.describe('unique in the service, ignoring case') })
  .strict();
export type CreateTenantBody = z.output<typeof createTenantBodySchema>;
