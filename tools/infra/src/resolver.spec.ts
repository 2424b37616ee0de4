import { chooseProvider, resolveInfrastructure } from './resolver';
import type { Infrastructure, Log } from './types';

const engine = (answers: boolean) => {
  const probe = jest.fn(async () => answers);
  return probe;
};
const servers = {
  KAFKA_BROKERS: '10.0.0.5:9092,10.0.0.6:9092',
  MONGO_URL: 'mongodb://10.0.0.7:27017/',
};

describe('chooseProvider', () => {
  it('uses the servers named in KAFKA_BROKERS and MONGO_URL without probing for an engine', async () => {
    const probe = engine(true);
    expect(await chooseProvider(servers, probe)).toEqual({
      provider: 'env',
      kafkaBrokers: ['10.0.0.5:9092', '10.0.0.6:9092'],
      mongoUrl: 'mongodb://10.0.0.7:27017/',
    });
    expect(probe).not.toHaveBeenCalled();
  });

  it('starts containers when no servers are named and an engine answers', async () => {
    expect(await chooseProvider({}, engine(true))).toEqual({ provider: 'testcontainers' });
  });

  it('starts local processes when no servers are named and no engine answers', async () => {
    expect(await chooseProvider({}, engine(false))).toEqual({ provider: 'local' });
  });

  it('obeys EXTAPPS_INFRA over both the variables and the engine', async () => {
    const probe = engine(true);
    expect(await chooseProvider({ ...servers, EXTAPPS_INFRA: 'local' }, probe)).toEqual({
      provider: 'local',
    });
    expect(await chooseProvider({ EXTAPPS_INFRA: 'testcontainers' }, engine(false))).toEqual({
      provider: 'testcontainers',
    });
    expect((await chooseProvider({ ...servers, EXTAPPS_INFRA: 'env' }, probe)).provider).toBe(
      'env',
    );
    expect(probe).not.toHaveBeenCalled();
  });

  it('rejects an unknown EXTAPPS_INFRA naming the allowed values', async () => {
    await expect(chooseProvider({ EXTAPPS_INFRA: 'docker' }, engine(true))).rejects.toThrow(
      'EXTAPPS_INFRA must be one of env, testcontainers, local (got "docker")',
    );
  });

  it('refuses half a configuration instead of starting servers beside it', async () => {
    await expect(chooseProvider({ KAFKA_BROKERS: 'k:9092' }, engine(false))).rejects.toThrow(
      'MONGO_URL not set',
    );
    await expect(chooseProvider({ MONGO_URL: 'mongodb://m/' }, engine(false))).rejects.toThrow(
      'KAFKA_BROKERS not set',
    );
    await expect(chooseProvider({ EXTAPPS_INFRA: 'env' }, engine(false))).rejects.toThrow(
      'KAFKA_BROKERS and MONGO_URL not set',
    );
  });

  it('validates the named servers', async () => {
    await expect(
      chooseProvider({ ...servers, KAFKA_BROKERS: 'kafka' }, engine(false)),
    ).rejects.toThrow('KAFKA_BROKERS entry "kafka" is not host:port');
    await expect(
      chooseProvider({ ...servers, MONGO_URL: 'postgres://x' }, engine(false)),
    ).rejects.toThrow('MONGO_URL');
  });
});

describe('resolveInfrastructure', () => {
  const started = (provider: Infrastructure['provider']): Infrastructure => ({
    provider,
    kafkaBrokers: ['127.0.0.1:41234'],
    mongoUrl: 'mongodb://127.0.0.1:41235/',
    stop: async () => undefined,
  });

  it('starts the chosen provider and prints one line naming it and its addresses', async () => {
    const lines: string[] = [];
    const log: Log = (line) => lines.push(line);
    const local = started('local');

    const infra = await resolveInfrastructure({
      env: {},
      log,
      probeDockerEngine: async () => false,
      startLocal: async () => local,
      startContainers: async () => started('testcontainers'),
    });

    expect(infra).toBe(local);
    expect(lines).toEqual([
      '[infra] provider=local kafka=127.0.0.1:41234 mongo=mongodb://127.0.0.1:41235/',
    ]);
  });

  it('hides a password in the printed MongoDB URL and gives env servers a stop that does nothing', async () => {
    const lines: string[] = [];
    const env = {
      KAFKA_BROKERS: 'k:9092',
      MONGO_URL: 'mongodb://app:s3cret@m:27017/?authSource=admin',
    };

    const infra = await resolveInfrastructure({ env, log: (l) => lines.push(l) });
    await infra.stop();

    expect(infra.mongoUrl).toBe(env.MONGO_URL);
    expect(lines).toEqual([
      '[infra] provider=env kafka=k:9092 mongo=mongodb://app:***@m:27017/?authSource=admin',
    ]);
  });
});
