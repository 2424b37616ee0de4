import { z } from 'zod';
import {
  accessTokenLifetimeInputSchema,
  appNameInputSchema,
  jwksInputSchema,
  redirectUrisInputSchema,
  scopeNamesSchema,
} from '../register-external-app/register-external-app.dto';

/** A field left out keeps its value; a list (or key set) given replaces the whole of it. */
export const updateAppBodySchema = z
  .object({
    name: appNameInputSchema.optional(),
    redirectUris: redirectUrisInputSchema.optional(),
    userScopes: scopeNamesSchema.optional(),
    applicationScopes: scopeNamesSchema.optional(),
    /** Replaces the whole set; null removes it. */
    jwks: jwksInputSchema.optional(),
    accessTokenLifetimeSeconds: accessTokenLifetimeInputSchema.optional(),
  })
  .strict();

export type UpdateAppBody = z.output<typeof updateAppBodySchema>;
