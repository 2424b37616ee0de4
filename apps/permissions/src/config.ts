import { EXTAPPS_ADMIN_RESOURCE } from '@extapps/contracts';
import { authSettings, baseConfigSchema, intSetting, setting } from '@extapps/platform';
import { z } from 'zod';
import { parseGroupId } from './reactions/reaction-settings';
import { PermissionCatalogFile, parsePermissionCatalogFile } from './roles/catalog/catalog-file';

export const SERVICE_NAME = 'permissions';

/*
 * Settings are grouped by feature; each slice adds its own block to the `.extend({...})` below
 * (one spread or a few keys), so parallel changes do not collide.
 */

/** The event store, its outbox relay and snapshots: shared by every aggregate of the service. */
const eventStoreSettings = {
  /** How often the outbox relay and the view worker look for pending events when not woken. */
  OUTBOX_POLL_INTERVAL_MS: intSetting(10, 60_000, 500),
  /** A snapshot of an aggregate's state is stored every this many events. */
  SNAPSHOT_EVERY: intSetting(1, 10_000, 50),
};

/** Tenants and their folder trees. */
const tenantSettings = {
  /** The deepest a folder may sit: 1 is directly under the tenant. */
  FOLDER_MAX_DEPTH: intSetting(1, 100, 20),
  /** Folders per tenant; a tenant's tree is one aggregate, so its snapshot grows with it. */
  TENANT_MAX_FOLDERS: intSetting(1, 50_000, 20_000),
};

/** Roles and their permissions. */
const roleSettings = {
  /** A JSON permission catalog replacing the built-in one; read and validated at start-up. */
  PERMISSION_CATALOG_FILE: setting<PermissionCatalogFile | null>(parsePermissionCatalogFile, null),
  /**
   * The consumer group of the reactions process (assignments ended by deletions elsewhere): one
   * per deployment, shared by its instances. Tests sharing a Kafka cluster give each its own.
   */
  REACTIONS_CONSUMER_GROUP: setting(parseGroupId, 'permissions.reactions'),
};

export const configSchema = baseConfigSchema({
  name: SERVICE_NAME,
  defaultPort: 3003,
}).extend({
  /** Admin tokens: issuer (the token service), its JWKS and the audience they must carry. */
  ...authSettings({
    defaultIssuer: 'http://localhost:3002',
    defaultAudience: EXTAPPS_ADMIN_RESOURCE,
  }),
  ...eventStoreSettings,
  ...tenantSettings,
  ...roleSettings,
});

export type PermissionsConfig = z.output<typeof configSchema>;
