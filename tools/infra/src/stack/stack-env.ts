import { createHash } from 'node:crypto';
import type { Infrastructure } from '../types';
import type { ServiceSpec } from './services';

/**
 * V8 heap limit of the token service. Without one, V8 lets the old generation grow far past what
 * is live (about 300 MB resident with 100,000 apps, whose client table holds some 62 MB); capped,
 * it collects sooner and stays near 210 MB. Raise it by about 64 MB per further 100,000 apps.
 */
export const TOKEN_NODE_OPTIONS = '--max-old-space-size=160';

export interface StackSettings {
  /** The bootstrap admin app's secret: from the environment, or made up for this run. */
  readonly bootstrapSecret: string;
}

/**
 * What one service of `npm start` gets besides the caller's environment: its port, the servers,
 * and the addresses that tie the services together. The token service's issuer is the URL the
 * caller uses (localhost), and the registration service checks admin tokens against it, so a
 * token fetched with curl is accepted by the admin API.
 */
export function serviceEnvironment(
  spec: ServiceSpec,
  specs: readonly ServiceSpec[],
  infra: Infrastructure,
  base: NodeJS.ProcessEnv,
  settings: StackSettings,
): NodeJS.ProcessEnv {
  const token = specs.find((s) => s.name === 'token');
  const issuer = base['ISSUER'] ?? (token ? `http://localhost:${token.port}` : undefined);
  const shared = {
    ...base,
    PORT: String(spec.port),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
  };
  switch (spec.name) {
    case 'token':
      return {
        ...shared,
        ...(issuer ? { ISSUER: issuer } : {}),
        NODE_OPTIONS: base['NODE_OPTIONS'] || TOKEN_NODE_OPTIONS,
        SIGNING_KEY_ENCRYPTION_KEY:
          base['SIGNING_KEY_ENCRYPTION_KEY'] || localSigningKeyEncryptionKey(infra.mongoUrl),
      };
    case 'registration':
      return {
        ...shared,
        ...(issuer && !base['AUTH_ISSUER'] ? { AUTH_ISSUER: issuer } : {}),
        BOOTSTRAP_ADMIN_CLIENT_SECRET: settings.bootstrapSecret,
      };
    case 'permissions':
    case 'audit':
      return shared;
    default: {
      const unreachable: never = spec.name;
      throw new Error(`unknown service ${String(unreachable)}`);
    }
  }
}

/**
 * The token service's SIGNING_KEY_ENCRYPTION_KEY for `npm start`, for local use only: derived
 * from the database server's URL rather than random, so a rerun against servers that kept their
 * data (KAFKA_BROKERS + MONGO_URL) still opens the signing keys it stored. Anyone who can read
 * this code can derive it: a deployment sets its own random key.
 */
export function localSigningKeyEncryptionKey(mongoUrl: string): string {
  return createHash('sha256')
    .update('extapps local stack: signing key encryption\0')
    .update(mongoUrl)
    .digest('base64');
}
