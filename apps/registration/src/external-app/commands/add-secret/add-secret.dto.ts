import { z } from 'zod';
import { appResponseSchema } from '../../queries/schemas';
import { createdSecretSchema } from '../secret-material';
import { expiresAtInputSchema } from '../register-external-app/register-external-app.dto';

export const addSecretBodySchema = z
  .object({
    description: z.string().max(1000),
    expiresAt: expiresAtInputSchema.default(null),
  })
  .strict();

export type AddSecretBody = z.output<typeof addSecretBodySchema>;

/** The one response that shows the new secret in plaintext. */
export const addSecretResponseSchema = z.object({
  client_id: z.string(),
  client_secret: z.string().describe('the new secret, shown in this response only'),
  secret: createdSecretSchema,
  app: appResponseSchema,
});
