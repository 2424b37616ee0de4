import { z } from 'zod';
import {
  appNameInputSchema,
  redirectUrisInputSchema,
  scopeNamesSchema,
} from '../register-external-app/register-external-app.dto';

/** A field left out keeps its value; a list given replaces the whole list. */
export const updateAppBodySchema = z
  .object({
    name: appNameInputSchema.optional(),
    redirectUris: redirectUrisInputSchema.optional(),
    userScopes: scopeNamesSchema.optional(),
    applicationScopes: scopeNamesSchema.optional(),
  })
  .strict();

export type UpdateAppBody = z.output<typeof updateAppBodySchema>;
