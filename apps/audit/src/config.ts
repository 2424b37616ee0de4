import { EXTAPPS_ADMIN_RESOURCE } from '@extapps/contracts';
import { authSettings, baseConfigSchema } from '@extapps/platform';
import { z } from 'zod';
import { tamperEvidenceSettings } from './chain/tamper-evidence.settings';
import { ingestionSettings } from './ingestion/ingestion.settings';

export const SERVICE_NAME = 'audit';

/*
 * Settings are grouped by feature: each slice adds its own block (one spread) to the
 * `.extend({...})` below, so parallel changes do not collide.
 */
export const configSchema = baseConfigSchema({
  name: SERVICE_NAME,
  defaultPort: 3004,
}).extend({
  /** Admin tokens: issuer (the token service), its JWKS and the audience they must carry. */
  ...authSettings({
    defaultIssuer: 'http://localhost:3002',
    defaultAudience: EXTAPPS_ADMIN_RESOURCE,
  }),
  ...ingestionSettings,
  ...tamperEvidenceSettings,
});

export type AuditConfig = z.output<typeof configSchema>;
