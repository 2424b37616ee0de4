import { baseConfigSchema } from '@extapps/platform';
import { z } from 'zod';

export const SERVICE_NAME = 'permissions';

export const configSchema = baseConfigSchema({
  name: SERVICE_NAME,
  defaultPort: 3003,
});

export type PermissionsConfig = z.output<typeof configSchema>;
