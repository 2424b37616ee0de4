import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '@extapps/platform';
import { configSchema, TokenConfig } from '../../config';

const env = {
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://localhost:27017',
  SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};

/** The token service's config from the minimal environment plus `overrides`. */
export const configWith = (overrides: Record<string, string> = {}): TokenConfig =>
  loadConfig(configSchema, { ...env, ...overrides });

/** The settings `overrides` makes invalid. */
export function invalidSettings(overrides: Record<string, string>): readonly string[] {
  try {
    configWith(overrides);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => i.setting);
    throw error;
  }
  return [];
}
