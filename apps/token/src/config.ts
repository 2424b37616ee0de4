import { baseConfigSchema } from '@extapps/platform';
import { z } from 'zod';

export const SERVICE_NAME = 'token';

export const configSchema = baseConfigSchema({
  name: SERVICE_NAME,
  defaultPort: 3002,
});

export type TokenConfig = z.output<typeof configSchema>;
