import { DeadLetterPublishError, PoisonMessageError } from '../errors';
import { noopLogger } from '../logger';
import { IncomingMessage, MessageProducer, OutgoingMessage } from '../ports';
import { resolveRetryPolicy } from '../retry/backoff';
import { recordingSleep } from '../testing';
import { AbandonedError } from './abandon';
import { DeadLetterHeaders } from './dead-letter';
import { deliver, DeliveryContext } from './deliver';

const message: IncomingMessage = {
  topic: 'orders',
  partition: 2,
  offset: '41',
  key: null,
  value: Buffer.from('payload'),
  headers: { trace: 't' },
  timestamp: new Date(0),
};
const failedAt = new Date('2026-03-04T05:06:07.000Z');

function setup(overrides: Partial<DeliveryContext> = {}) {
  const sent: { topic: string; messages: readonly OutgoingMessage[] }[] = [];
  const deadLetters: MessageProducer = {
    send: async (topic, messages) => void sent.push({ topic, messages }),
  };
  const { sleep, delays } = recordingSleep();
  const context: DeliveryContext = {
    groupId: 'billing',
    policy: resolveRetryPolicy({
      maxAttempts: 4,
      initialDelayMs: 50,
      maxDelayMs: 120,
    }),
    sleep,
    clock: () => failedAt,
    deadLetters,
    logger: noopLogger,
    signal: new AbortController().signal,
    ...overrides,
  };
  return { context, sent, delays };
}

function failing(times: number, error: () => Error = () => new Error('boom')) {
  let calls = 0;
  return {
    calls: () => calls,
    handler: async () => {
      calls++;
      if (calls <= times) throw error();
    },
  };
}

describe('deliver', () => {
  it('handles a message in one call when the handler succeeds', async () => {
    const { context, sent, delays } = setup();
    const handler = failing(0);
    await expect(deliver(message, handler.handler, context)).resolves.toBe('handled');
    expect([handler.calls(), delays, sent]).toEqual([1, [], []]);
  });

  it('retries with backoff, heartbeating between attempts, until the handler succeeds', async () => {
    let beats = 0;
    const { context, delays } = setup({
      beforeRetry: async () => void beats++,
    });
    const handler = failing(2);
    await expect(deliver(message, handler.handler, context)).resolves.toBe('handled');
    expect([handler.calls(), delays, beats]).toEqual([3, [50, 100], 2]);
  });

  it('parks the message with its origin and failure once the attempts are used up', async () => {
    const { context, sent, delays } = setup();
    const handler = failing(Infinity);
    await expect(deliver(message, handler.handler, context)).resolves.toBe('parked');
    expect([handler.calls(), delays]).toEqual([4, [50, 100, 120]]);
    expect(sent).toEqual([
      {
        topic: 'dlq.billing.orders',
        messages: [
          {
            key: 'orders/2/41',
            value: message.value,
            headers: {
              trace: 't',
              [DeadLetterHeaders.originalTopic]: 'orders',
              [DeadLetterHeaders.originalPartition]: '2',
              [DeadLetterHeaders.originalOffset]: '41',
              [DeadLetterHeaders.groupId]: 'billing',
              [DeadLetterHeaders.error]: 'boom',
              [DeadLetterHeaders.attempts]: '4',
              [DeadLetterHeaders.failedAt]: failedAt.toISOString(),
            },
          },
        ],
      },
    ]);
  });

  it('parks a poison message at once', async () => {
    const { context, sent, delays } = setup();
    const handler = failing(Infinity, () => new PoisonMessageError('unreadable'));
    await expect(deliver(message, handler.handler, context)).resolves.toBe('parked');
    expect([handler.calls(), delays]).toEqual([1, []]);
    expect(sent[0].messages[0].headers).toMatchObject({
      [DeadLetterHeaders.attempts]: '1',
    });
  });

  it('fails, so that nothing is committed, when the dead-letter topic cannot be written', async () => {
    const deadLetters: MessageProducer = {
      send: async () => Promise.reject(new Error('broker gone')),
    };
    const { context } = setup({
      deadLetters,
      policy: resolveRetryPolicy({ maxAttempts: 1 }),
    });
    const delivery = deliver(message, failing(Infinity).handler, context);
    await expect(delivery).rejects.toThrow(DeadLetterPublishError);
    await expect(delivery).rejects.toThrow('dlq.billing.orders: broker gone');
  });

  it('gives up without parking when stop() abandons the message between attempts', async () => {
    const abort = new AbortController();
    const sleep = async () => abort.abort();
    const { context, sent } = setup({ sleep, signal: abort.signal });
    const handler = failing(Infinity);
    await expect(deliver(message, handler.handler, context)).rejects.toThrow(AbandonedError);
    expect([handler.calls(), sent]).toEqual([1, []]);
  });

  it('cuts a long error message in the dead-letter headers', async () => {
    const { context, sent } = setup({
      policy: resolveRetryPolicy({ maxAttempts: 1 }),
    });
    await deliver(message, failing(1, () => new Error('x'.repeat(5_000))).handler, context);
    expect(sent[0].messages[0].headers?.[DeadLetterHeaders.error]).toHaveLength(1_000);
  });
});
