import { createHash, createPrivateKey } from 'node:crypto';
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
 * caller uses (localhost), and the registration, permissions and audit services check admin
 * tokens against it, so a token fetched with curl is accepted by every admin API.
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
  const trustsIssuer = {
    ...shared,
    ...(issuer && !base['AUTH_ISSUER'] ? { AUTH_ISSUER: issuer } : {}),
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
      return { ...trustsIssuer, BOOTSTRAP_ADMIN_CLIENT_SECRET: settings.bootstrapSecret };
    case 'permissions':
      return trustsIssuer;
    case 'audit':
      return {
        ...trustsIssuer,
        AUDIT_SIGNING_KEY: base['AUDIT_SIGNING_KEY'] || localAuditSigningKey(infra.mongoUrl),
      };
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

// PKCS#8 DER of an Ed25519 private key up to its 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The audit service's AUDIT_SIGNING_KEY for `npm start`, for local use only: an Ed25519 key (as a
 * private JWK) whose seed is derived from the database server's URL, so checkpoints signed before
 * a rerun against the same servers still verify after it. Anyone who can read this code can
 * derive it: a deployment sets its own key.
 */
export function localAuditSigningKey(mongoUrl: string): string {
  const seed = createHash('sha256')
    .update('extapps local stack: audit checkpoint signing\0')
    .update(mongoUrl)
    .digest();
  const key = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return JSON.stringify(key.export({ format: 'jwk' }));
}
