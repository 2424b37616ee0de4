import { DeadLetterPublishError, PoisonMessageError } from '../errors';
import { noopLogger } from '../logger';
import { BatchHandler, IncomingMessage, MessageProducer, OutgoingMessage } from '../ports';
import { resolveRetryPolicy } from '../retry/backoff';
import { recordingSleep } from '../testing';
import { AbandonedError } from './abandon';
import { DeadLetterHeaders } from './dead-letter';
import { DeliveryContext } from './deliver';
import { deliverBatch } from './deliver-batch';

const message = (offset: number, value: string): IncomingMessage => ({
  topic: 'orders',
  partition: 0,
  offset: String(offset),
  key: 'k',
  value: Buffer.from(value),
  headers: {},
  timestamp: new Date(0),
});
const batch = [message(7, 'a'), message(8, 'b'), message(9, 'c')];

function setup(overrides: Partial<DeliveryContext> = {}) {
  const sent: { topic: string; messages: readonly OutgoingMessage[] }[] = [];
  const deadLetters: MessageProducer = {
    send: async (topic, messages) => void sent.push({ topic, messages }),
  };
  const { sleep, delays } = recordingSleep();
  let beats = 0;
  const context: DeliveryContext = {
    groupId: 'billing',
    policy: resolveRetryPolicy({ maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 80 }),
    sleep,
    clock: () => new Date('2026-03-04T05:06:07.000Z'),
    deadLetters,
    logger: noopLogger,
    signal: new AbortController().signal,
    beforeRetry: async () => void beats++,
    ...overrides,
  };
  return { context, sent, delays, beats: () => beats };
}

/** Records each call's values; `answer` decides what the call does. */
function handlerOf(answer: (values: string[], call: number) => ReturnType<BatchHandler>) {
  const calls: string[][] = [];
  const handler: BatchHandler = (messages) => {
    const values = messages.map((m) => m.value.toString());
    calls.push(values);
    return answer(values, calls.length);
  };
  return { calls, handler };
}

const parkedValues = (sent: { messages: readonly OutgoingMessage[] }[]) =>
  sent.flatMap((s) => s.messages.map((m) => String(m.value)));

describe('deliverBatch', () => {
  it('given a handler that succeeds, then it is called once with the whole batch and nothing is parked', async () => {
    const { context, sent, delays } = setup();
    const { calls, handler } = handlerOf(async () => undefined);

    await deliverBatch(batch, handler, context);

    expect([calls, delays, sent]).toEqual([[['a', 'b', 'c']], [], []]);
  });

  it('given named poison, then it is parked in offset order, in one send, after one attempt', async () => {
    const { context, sent } = setup();
    const { handler } = handlerOf(async () => ({
      poison: [
        { message: batch[2] as IncomingMessage, reason: 'bad c' },
        { message: batch[0] as IncomingMessage, reason: 'bad a' },
      ],
    }));

    await deliverBatch(batch, handler, context);

    expect(sent).toHaveLength(1);
    expect(sent[0]?.topic).toBe('dlq.billing.orders');
    expect(sent[0]?.messages.map((m) => m.headers?.[DeadLetterHeaders.error])).toEqual([
      'bad a',
      'bad c',
    ]);
    expect(sent[0]?.messages[0]?.headers?.[DeadLetterHeaders.attempts]).toBe('1');
  });

  it('given a failing batch, then it is retried whole with backoff and heartbeats', async () => {
    const { context, delays, beats } = setup();
    const { calls, handler } = handlerOf(async (_values, call) => {
      if (call < 3) throw new Error('store down');
    });

    await deliverBatch(batch, handler, context);

    expect(calls).toHaveLength(3);
    expect([delays, beats()]).toEqual([[50, 80], 2]);
  });

  it('given PoisonMessageError for a batch of several, then its messages go one at a time and only the poison is parked', async () => {
    const { context, sent, delays } = setup();
    const { calls, handler } = handlerOf(async (values) => {
      if (values.includes('b')) throw new PoisonMessageError('b is unreadable');
    });

    await deliverBatch(batch, handler, context);

    expect(calls).toEqual([['a', 'b', 'c'], ['a'], ['b'], ['c']]);
    expect(delays).toEqual([]);
    expect(parkedValues(sent)).toEqual(['b']);
  });

  it('given a dead-letter topic that cannot be written, then it rejects so nothing is committed', async () => {
    const broken: MessageProducer = { send: async () => Promise.reject(new Error('broker gone')) };
    const { context } = setup({ deadLetters: broken });
    const { handler } = handlerOf(async () => ({
      poison: [{ message: batch[1] as IncomingMessage, reason: 'bad' }],
    }));

    await expect(deliverBatch(batch, handler, context)).rejects.toThrow(DeadLetterPublishError);
  });

  it('given stop() giving up between attempts, then it rejects as abandoned without parking', async () => {
    const stop = new AbortController();
    const { context, sent } = setup({
      signal: stop.signal,
      sleep: async () => stop.abort(),
    });
    const { handler } = handlerOf(async () => Promise.reject(new Error('store down')));

    await expect(deliverBatch(batch, handler, context)).rejects.toThrow(AbandonedError);
    expect(sent).toEqual([]);
  });
});
