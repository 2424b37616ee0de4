import { EventOf, EventRegistry } from '@extapps/contracts';
import { errorMessage } from '../errors';
import {
  BatchConsumerOptions,
  BatchHandler,
  BatchingMessageBus,
  IncomingMessage,
  MessageConsumer,
  PoisonMessage,
} from '../ports';
import { AnyEventDefinition, EventContext, parseEvent } from './event-consumer';

/** One event of a batch, and where it came from. */
export interface ReceivedEvent<E> {
  readonly event: E;
  readonly context: EventContext;
}

/** An event of the batch the handler will never be able to handle, and why: it is parked. */
export interface RefusedEvent<E> {
  readonly received: ReceivedEvent<E>;
  readonly reason: string;
}

/** Resolving commits the whole batch (once the refused events are parked); throwing retries it. */
export type EventBatchHandler<E> = (
  events: readonly ReceivedEvent<E>[],
) => Promise<{ readonly refused?: readonly RefusedEvent<E>[] } | void>;

export interface EventBatchConsumerOptions<D extends readonly AnyEventDefinition[]>
  extends BatchConsumerOptions {
  /** The events this consumer understands; anything else is parked as poison. */
  readonly definitions: D;
  /**
   * Told of each message that is no valid event once the handler took the rest of its batch,
   * just before the message is parked (e.g. to count refusals). Told again if parking fails and
   * the batch comes again.
   */
  readonly onInvalid?: (message: IncomingMessage, reason: string) => void;
}

/**
 * A batch consumer of validated events: the handler gets the valid events of a partition's batch,
 * in offset order. A message that is not a known, valid event never reaches it and is parked on
 * the dead-letter topic at once (as createEventConsumer does), so is an event the handler names
 * as refused. Delivery is at-least-once: handlers must tolerate a repeated eventId, also within
 * one batch.
 */
export function createEventBatchConsumer<const D extends readonly AnyEventDefinition[]>(
  bus: BatchingMessageBus,
  options: EventBatchConsumerOptions<D>,
  handler: EventBatchHandler<EventOf<D[number]>>,
): MessageConsumer {
  const { definitions, onInvalid, ...consumerOptions } = options;
  const registry = new EventRegistry(definitions);
  const onBatch: BatchHandler = async (messages) => {
    const origins = new Map<ReceivedEvent<EventOf<D[number]>>, IncomingMessage>();
    const invalid: PoisonMessage[] = [];
    for (const message of messages) {
      try {
        // Sound: the registry holds exactly `definitions`, so a parsed event is one of them.
        const event = parseEvent(registry, message) as EventOf<D[number]>;
        const { topic, partition, offset } = message;
        origins.set({ event, context: { topic, partition, offset } }, message);
      } catch (error) {
        invalid.push({ message, reason: errorMessage(error) });
      }
    }
    const outcome = origins.size > 0 ? await handler([...origins.keys()]) : undefined;
    const refused = (outcome?.refused ?? []).map(({ received, reason }) => {
      const message = origins.get(received);
      if (!message) throw new Error('the handler refused an event that is not of its batch');
      return { message, reason };
    });
    invalid.forEach(({ message, reason }) => onInvalid?.(message, reason));
    return { poison: [...invalid, ...refused] };
  };
  return bus.createBatchConsumer(consumerOptions, onBatch);
}
