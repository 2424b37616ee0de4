import { EventDefinition, EventOf, EventRegistry } from '@extapps/contracts';
import { errorMessage, PoisonMessageError } from '../errors';
import {
  ConsumerOptions,
  IncomingMessage,
  MessageBus,
  MessageConsumer,
  MessageHandler,
} from '../ports';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event's data schema fits here
export type AnyEventDefinition = EventDefinition<string, any>;

/** Where an event came from; `event.eventId` is the key for idempotent handling. */
export interface EventContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export type EventHandler<E> = (event: E, context: EventContext) => Promise<void>;

export interface EventConsumerOptions<D extends readonly AnyEventDefinition[]>
  extends ConsumerOptions {
  /** The events this consumer understands; anything else is parked as poison. */
  readonly definitions: D;
}

/**
 * A consumer of validated events. A message that is not a known, valid event is parked on the
 * dead-letter topic at once (no retry can fix it); a failing handler is retried as usual.
 * Delivery is at-least-once: handlers must tolerate a repeated eventId.
 */
export function createEventConsumer<const D extends readonly AnyEventDefinition[]>(
  bus: MessageBus,
  options: EventConsumerOptions<D>,
  handler: EventHandler<EventOf<D[number]>>,
): MessageConsumer {
  const { definitions, ...consumerOptions } = options;
  const registry = new EventRegistry(definitions);
  const onMessage: MessageHandler = async (message) => {
    const event = parseEvent(registry, message);
    // Sound: the registry holds exactly `definitions`, so a parsed event is one of them.
    await handler(event as EventOf<D[number]>, {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
    });
  };
  return bus.createConsumer(consumerOptions, onMessage);
}

/** The event a message holds, or PoisonMessageError naming why it is none. */
export function parseEvent(registry: EventRegistry, message: IncomingMessage) {
  try {
    return registry.parse(JSON.parse(message.value.toString('utf8')));
  } catch (error) {
    throw new PoisonMessageError(`not a valid event: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}
