import { baseConfigSchema, intSetting } from '@extapps/platform';
import { z } from 'zod';

export const SERVICE_NAME = 'registration';

export const configSchema = baseConfigSchema({
  name: SERVICE_NAME,
  defaultPort: 3001,
}).extend({
  /** A secret gets SecretExpiringSoon once it expires within this many days. */
  SECRET_EXPIRY_WARNING_DAYS: intSetting(1, 365, 14),
  /** How often the expiry check looks for secrets entering the warning window. */
  SECRET_EXPIRY_CHECK_INTERVAL_MS: intSetting(1_000, 86_400_000, 60_000),
  /** How often the outbox relay and the projector look for pending events when not woken. */
  OUTBOX_POLL_INTERVAL_MS: intSetting(10, 60_000, 500),
  /** A snapshot of an app's state is stored every this many events. */
  SNAPSHOT_EVERY: intSetting(1, 10_000, 50),
});

export type RegistrationConfig = z.output<typeof configSchema>;
