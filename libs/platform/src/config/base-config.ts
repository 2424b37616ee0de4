import { z } from 'zod';
import {
  enumSetting,
  hostPortListSetting,
  intSetting,
  parseHost,
  parseMongoDbName,
  parseMongoUrl,
  portSetting,
  setting,
} from './settings';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServiceIdentity {
  /** Short service name, e.g. `registration`; also names the default database. */
  readonly name: string;
  readonly defaultPort: number;
}

/** Settings every service shares; a service extends it with `.extend({...})`. */
export function baseConfigSchema(service: ServiceIdentity) {
  return z.object({
    PORT: portSetting(service.defaultPort),
    HOST: setting(parseHost, '0.0.0.0'),
    KAFKA_BROKERS: hostPortListSetting(),
    MONGO_URL: setting(parseMongoUrl),
    MONGO_DB: setting(parseMongoDbName, `extapps_${service.name}`),
    LOG_LEVEL: enumSetting(LOG_LEVELS, 'info'),
    SHUTDOWN_TIMEOUT_MS: intSetting(1, 600_000, 10_000),
    BODY_LIMIT_BYTES: intSetting(1, 100 * 1024 * 1024, 1024 * 1024),
  });
}

export type BaseConfigSchema = ReturnType<typeof baseConfigSchema>;
export type BaseConfig = z.output<BaseConfigSchema>;
