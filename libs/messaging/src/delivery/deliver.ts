import { ResolvedConsumerOptions } from '../consumer-options';
import { errorMessage, PoisonMessageError } from '../errors';
import { MessagingLogger } from '../logger';
import { IncomingMessage, MessageHandler, MessageProducer } from '../ports';
import { backoffDelay, RetryPolicy, Sleep } from '../retry/backoff';
import { abandonable } from './abandon';
import { park } from './park';

export interface DeliveryContext {
  readonly groupId: string;
  readonly policy: RetryPolicy;
  readonly sleep: Sleep;
  readonly clock: () => Date;
  readonly deadLetters: MessageProducer;
  readonly logger: MessagingLogger;
  /** Aborted when stop() gives up on the in-flight message: no further retry, no parking. */
  readonly signal: AbortSignal;
  /** Runs between attempts; Kafka heartbeats here so a long retry does not cost the partition. */
  readonly beforeRetry?: () => Promise<void>;
}

/** What a consumer's deliveries need from its bus: a producer for dead letters, clock, logger. */
export interface DeliveryDeps {
  readonly producer: MessageProducer;
  readonly logger: MessagingLogger;
  readonly clock: () => Date;
}

/** The same context from either consumer; the Kafka one heartbeats between retries. */
export function deliveryContext(
  options: Pick<ResolvedConsumerOptions, 'groupId' | 'policy' | 'sleep'>,
  deps: DeliveryDeps,
  signal: AbortSignal,
  beforeRetry?: () => Promise<void>,
): DeliveryContext {
  const { groupId, policy, sleep } = options;
  const { producer, clock, logger } = deps;
  return {
    groupId,
    policy,
    sleep,
    clock,
    deadLetters: producer,
    logger,
    signal,
    beforeRetry,
  };
}

/** 'handled' and 'parked' both mean the offset may be committed. */
export type DeliveryOutcome = 'handled' | 'parked';

/**
 * Runs the handler with retries, then parks the message on the group's dead-letter topic so the
 * partition moves on. Throws DeadLetterPublishError when parking fails: the caller must not commit.
 */
export async function deliver(
  message: IncomingMessage,
  handler: MessageHandler,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  const where = {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await handler(message);
      return 'handled';
    } catch (error) {
      const poison = error instanceof PoisonMessageError;
      if (poison || attempt >= context.policy.maxAttempts) {
        await park([{ message, reason: errorMessage(error) }], attempt, context);
        return 'parked';
      }
      const delayMs = backoffDelay(attempt, context.policy);
      context.logger.warn(
        { ...where, attempt, delayMs, err: error },
        'message handler failed, retrying',
      );
      await abandonable(context.sleep(delayMs), context.signal);
      await abandonable(context.beforeRetry?.() ?? Promise.resolve(), context.signal);
    }
  }
}
