import { startContainers } from './containers/testcontainers';
import { dockerEngineAnswers } from './docker-engine';
import { parseKafkaBrokers, parseMongoUrl, redactMongoUrl } from './env-servers';
import { startLocalInfrastructure } from './local/local-provider';
import { consoleLog, PROVIDERS, type Infrastructure, type Log } from './types';

export type ProviderChoice =
  | { provider: 'env'; kafkaBrokers: string[]; mongoUrl: string }
  | { provider: 'testcontainers' }
  | { provider: 'local' };

/**
 * Servers named in KAFKA_BROKERS + MONGO_URL win; else containers when an engine answers; else
 * local processes. EXTAPPS_INFRA=env|testcontainers|local forces one.
 */
export async function chooseProvider(
  env: NodeJS.ProcessEnv,
  probeDockerEngine: () => Promise<boolean>,
): Promise<ProviderChoice> {
  const forced = env['EXTAPPS_INFRA']?.trim();
  const brokers = env['KAFKA_BROKERS']?.trim();
  const mongo = env['MONGO_URL']?.trim();
  if (forced && !(PROVIDERS as readonly string[]).includes(forced)) {
    throw new Error(`EXTAPPS_INFRA must be one of ${PROVIDERS.join(', ')} (got "${forced}")`);
  }
  if (forced === 'testcontainers' || forced === 'local') return { provider: forced };
  if (brokers && mongo)
    return {
      provider: 'env',
      kafkaBrokers: parseKafkaBrokers(brokers),
      mongoUrl: parseMongoUrl(mongo),
    };
  if (forced === 'env' || brokers || mongo) {
    // Half a configuration is a mistake; starting fresh servers beside it would hide that.
    const missing = [brokers ? null : 'KAFKA_BROKERS', mongo ? null : 'MONGO_URL']
      .filter(Boolean)
      .join(' and ');
    throw new Error(
      `${missing} not set: set both KAFKA_BROKERS and MONGO_URL to use existing servers, or neither`,
    );
  }
  return { provider: (await probeDockerEngine()) ? 'testcontainers' : 'local' };
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  log?: Log;
  probeDockerEngine?: () => Promise<boolean>;
  startLocal?: (log: Log) => Promise<Infrastructure>;
  startContainers?: (log: Log) => Promise<Infrastructure>;
}

/** The one way tests and `npm start` get Kafka and a MongoDB-wire server. Prints the choice. */
export async function resolveInfrastructure(options: ResolveOptions = {}): Promise<Infrastructure> {
  const env = options.env ?? process.env;
  const log = options.log ?? consoleLog;
  const choice = await chooseProvider(
    env,
    options.probeDockerEngine ?? (() => dockerEngineAnswers(env)),
  );
  const infra = await start(choice, log, options);
  log(describeInfrastructure(infra));
  return infra;
}

function start(choice: ProviderChoice, log: Log, options: ResolveOptions): Promise<Infrastructure> {
  switch (choice.provider) {
    case 'env':
      return Promise.resolve({ ...choice, stop: () => Promise.resolve() });
    case 'testcontainers':
      return (options.startContainers ?? startContainers)(log);
    case 'local':
      return (options.startLocal ?? ((l: Log) => startLocalInfrastructure({ log: l })))(log);
    default:
      return assertNever(choice);
  }
}

export function describeInfrastructure(
  infra: Pick<Infrastructure, 'provider' | 'kafkaBrokers' | 'mongoUrl'>,
): string {
  return `[infra] provider=${infra.provider} kafka=${infra.kafkaBrokers.join(',')} mongo=${redactMongoUrl(infra.mongoUrl)}`;
}

function assertNever(value: never): never {
  throw new Error(`unhandled provider choice ${JSON.stringify(value)}`);
}
