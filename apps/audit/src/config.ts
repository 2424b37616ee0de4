import { baseConfigSchema } from '@extapps/platform';
import { z } from 'zod';

export const SERVICE_NAME = 'audit';

export const configSchema = baseConfigSchema({
  name: SERVICE_NAME,
  defaultPort: 3004,
});

export type AuditConfig = z.output<typeof configSchema>;
