import {
  DEFAULT_MAX_BATCH_SIZE,
  matchTopics,
  nextOffset,
  resolveBatchConsumerOptions,
  resolveConsumerOptions,
} from './consumer-options';
import { MessagingConfigError } from './errors';

describe('consumer options', () => {
  it('fills in the defaults', () => {
    const resolved = resolveConsumerOptions({
      groupId: 'audit.projection-1',
      topics: ['t'],
    });
    expect(resolved).toMatchObject({
      fromBeginning: false,
      shutdownGraceMs: 25_000,
      policy: { maxAttempts: 5 },
    });
  });

  it.each([
    [{ groupId: 'has space', topics: ['t'] }, 'groupId'],
    [{ groupId: '', topics: ['t'] }, 'groupId'],
    [{ groupId: 'g', topics: [] }, 'topics'],
    [{ groupId: 'g', topics: ['t'], shutdownGraceMs: -5 }, 'shutdownGraceMs'],
    [{ groupId: 'g', topics: ['t'], retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
  ])('rejects %j naming %s', (options, setting) => {
    expect(() => resolveConsumerOptions(options)).toThrow(MessagingConfigError);
    expect(() => resolveConsumerOptions(options)).toThrow(`setting ${setting} `);
  });

  it('gives a batch consumer the default batch size, or the one asked for', () => {
    const options = { groupId: 'g', topics: ['t'] };
    expect(resolveBatchConsumerOptions(options).maxBatchSize).toBe(DEFAULT_MAX_BATCH_SIZE);
    expect(resolveBatchConsumerOptions({ ...options, maxBatchSize: 1 })).toMatchObject({
      maxBatchSize: 1,
      fromBeginning: false,
    });
  });

  it.each([0, 1.5, 100_001])('rejects the batch size %j', (maxBatchSize) => {
    expect(() =>
      resolveBatchConsumerOptions({ groupId: 'g', topics: ['t'], maxBatchSize }),
    ).toThrow('setting maxBatchSize must be an integer from 1 to 100000');
  });

  it('matches patterns against existing topics and keeps names as they are', () => {
    const existing = ['extapps.a.events.v1', 'extapps.b.events.v1', 'dlq.g.extapps.a.events.v1'];
    expect(
      matchTopics([/^extapps\..*\.events\.v1$/g, 'new-topic', 'extapps.a.events.v1'], existing),
    ).toEqual(['extapps.a.events.v1', 'extapps.b.events.v1', 'new-topic']);
  });

  it('refuses a subscription that matches nothing', () => {
    expect(() => matchTopics([/^nothing$/], ['something'])).toThrow(
      'setting topics match no existing topic',
    );
  });

  it('commits the offset after the processed one, beyond 2^53', () => {
    expect(nextOffset('9007199254740993')).toBe('9007199254740994');
  });
});
