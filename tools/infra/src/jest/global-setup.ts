import { resolveInfrastructure } from '../resolver';
import { stopOnTermination } from '../termination';
import type { Infrastructure } from '../types';

/** What the setup that started the servers leaves for the teardown of the same jest process. */
export interface JestInfraState {
  infra: Infrastructure;
  uninstallHandlers: () => void;
}

const STATE_KEY = '__extappsInfra';

export function jestInfraState(): JestInfraState | undefined {
  return (globalThis as Record<string, unknown>)[STATE_KEY] as JestInfraState | undefined;
}

export function clearJestInfraState(): void {
  delete (globalThis as Record<string, unknown>)[STATE_KEY];
}

/**
 * Starts (or finds) Kafka + a MongoDB-wire server once per jest run and exports them to the test
 * workers through the environment. Jest may call a global setup once per project; every call
 * after the first finds the state or the variables and reuses them.
 */
export default async function globalSetup(): Promise<void> {
  if (jestInfraState()) return;
  const infra = await resolveInfrastructure();
  const uninstallHandlers =
    infra.provider === 'env'
      ? () => undefined
      : stopOnTermination(
          () => infra.stop(),
          (line) => console.log(line),
        );
  (globalThis as Record<string, unknown>)[STATE_KEY] = {
    infra,
    uninstallHandlers,
  } satisfies JestInfraState;
  process.env['KAFKA_BROKERS'] = infra.kafkaBrokers.join(',');
  process.env['MONGO_URL'] = infra.mongoUrl;
  // Anything in the workers that resolves infrastructure again must land on these servers.
  process.env['EXTAPPS_INFRA'] = 'env';
}
