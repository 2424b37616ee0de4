import { EXTAPPS_ADMIN_RESOURCE } from '@extapps/contracts';
import {
  authSettings,
  baseConfigSchema,
  CatalogFile,
  intSetting,
  parseCatalogFile,
  setting,
} from '@extapps/platform';
import { z } from 'zod';
import {
  DEFAULT_BOOTSTRAP_CLIENT_ID,
  parseBootstrapClientId,
  parseBootstrapSecret,
} from './bootstrap/bootstrap-settings';

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
  /** Admin tokens: issuer (the token service), its JWKS and the audience they must carry. */
  ...authSettings({
    defaultIssuer: 'http://localhost:3002',
    defaultAudience: EXTAPPS_ADMIN_RESOURCE,
  }),
  /** A JSON resource catalog replacing the built-in one; read and validated at start-up. */
  RESOURCE_CATALOG_FILE: setting<CatalogFile | null>(parseCatalogFile, null),
  /** The client id of the admin app registered on first start. */
  BOOTSTRAP_ADMIN_CLIENT_ID: setting(parseBootstrapClientId, DEFAULT_BOOTSTRAP_CLIENT_ID),
  /** Its secret (stored only as a hash); unset: no bootstrap admin app is registered. */
  BOOTSTRAP_ADMIN_CLIENT_SECRET: setting<string | null>(parseBootstrapSecret, null),
});

export type RegistrationConfig = z.output<typeof configSchema>;
