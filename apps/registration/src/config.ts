import { baseConfigSchema } from '@extapps/platform';
import { z } from 'zod';

export const SERVICE_NAME = 'registration';

export const configSchema = baseConfigSchema({
  name: SERVICE_NAME,
  defaultPort: 3001,
});

export type RegistrationConfig = z.output<typeof configSchema>;
