import { PoisonMessageError } from '../errors';
import { BatchHandler, IncomingMessage, MessageHandler } from '../ports';
import { backoffDelay } from '../retry/backoff';
import { abandonable } from './abandon';
import { deliver, DeliveryContext } from './deliver';
import { park } from './park';

/**
 * Runs a batch handler with retries; resolving means the batch may be committed. The poison the
 * handler names is parked first. A failing batch is retried whole, with backoff; once the
 * attempts are spent (or the handler threw PoisonMessageError without saying for which message),
 * the batch is delivered one message at a time, each with the same policy as deliver(), so only
 * a message that always fails is parked.
 * Throws DeadLetterPublishError when parking fails (the caller must not commit) and
 * AbandonedError when stop() gave up on it.
 */
export async function deliverBatch(
  messages: readonly IncomingMessage[],
  handler: BatchHandler,
  context: DeliveryContext,
): Promise<void> {
  if (messages.length === 1) return deliverEach(messages, handler, context);
  for (let attempt = 1; ; attempt++) {
    let poison;
    try {
      poison = (await handler(messages))?.poison ?? [];
    } catch (error) {
      if (error instanceof PoisonMessageError || attempt >= context.policy.maxAttempts) {
        context.logger.warn(
          { ...span(messages), attempt, err: error },
          'batch handler failed, delivering its messages one at a time',
        );
        return deliverEach(messages, handler, context);
      }
      const delayMs = backoffDelay(attempt, context.policy);
      context.logger.warn(
        { ...span(messages), attempt, delayMs, err: error },
        'batch handler failed, retrying the batch',
      );
      await abandonable(context.sleep(delayMs), context.signal);
      await abandonable(context.beforeRetry?.() ?? Promise.resolve(), context.signal);
      continue;
    }
    return park(poison, attempt, context);
  }
}

async function deliverEach(
  messages: readonly IncomingMessage[],
  handler: BatchHandler,
  context: DeliveryContext,
): Promise<void> {
  for (const message of messages) await deliver(message, alone(handler), context);
}

/** The batch handler for one message, naming it poison by throwing, as deliver() expects. */
function alone(handler: BatchHandler): MessageHandler {
  return async (message) => {
    const outcome = await handler([message]);
    const poison = outcome?.poison?.find((p) => p.message === message);
    if (poison) throw new PoisonMessageError(poison.reason);
  };
}

function span(messages: readonly IncomingMessage[]) {
  const first = messages[0];
  const last = messages[messages.length - 1];
  return {
    topic: first?.topic,
    partition: first?.partition,
    fromOffset: first?.offset,
    toOffset: last?.offset,
  };
}
