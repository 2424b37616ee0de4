import type { Infrastructure } from '../types';
import type { ServiceSpec } from './services';

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
      return { ...shared, ...(issuer ? { ISSUER: issuer } : {}) };
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
