import { MessagingConfigError } from '../errors';
import { DEFAULT_CONSUMER_TUNING, KafkaBusOptions, resolveKafkaBusOptions } from './kafka-options';

const valid: KafkaBusOptions = {
  brokers: ['kafka:9092', '127.0.0.1:29092'],
  clientId: 'token',
};

describe('kafka bus options', () => {
  it('accepts host:port brokers and fills in the defaults', () => {
    expect(resolveKafkaBusOptions(valid)).toMatchObject({
      ...valid,
      logLevel: 'info',
      consumer: DEFAULT_CONSUMER_TUNING,
    });
  });

  it.each([
    [{ brokers: [] }, 'brokers'],
    [{ brokers: ['kafka'] }, 'brokers'],
    [{ brokers: ['http://kafka:9092'] }, 'brokers'],
    [{ clientId: ' ' }, 'clientId'],
    [{ consumer: { sessionTimeoutMs: 0 } }, 'consumer.sessionTimeoutMs'],
    [
      { consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 6_000 } },
      'consumer.heartbeatIntervalMs',
    ],
    [{ shutdownGraceMs: -1 }, 'shutdownGraceMs'],
    [{ shutdownGraceMs: 1.5 }, 'shutdownGraceMs'],
  ])('rejects %j naming %s', (overrides, setting) => {
    const options = { ...valid, ...overrides };
    expect(() => resolveKafkaBusOptions(options)).toThrow(MessagingConfigError);
    expect(() => resolveKafkaBusOptions(options)).toThrow(`setting ${setting} `);
  });
});
