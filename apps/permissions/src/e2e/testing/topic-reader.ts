import { PermissionsEvent, Topics } from '@extapps/contracts';
import { IncomingMessage, KafkaBus } from '@extapps/messaging';
import { kafkaTestOptions } from '@extapps/event-store/testing';

export interface TopicReader {
  /** Every message read so far, in arrival order. */
  readonly messages: readonly IncomingMessage[];
  /** The events of one stream, in arrival order (a redelivered one appears twice). */
  eventsOf(streamId: string): PermissionsEvent[];
  /** The events of one stream, each once, in stream order. */
  publishedOf(streamId: string): PermissionsEvent[];
  stop(): Promise<void>;
}

/** Reads extapps.permissions.events.v1 from the beginning, in a consumer group of its own. */
export async function readPermissionsTopic(brokers: readonly string[]): Promise<TopicReader> {
  const options = kafkaTestOptions('e2e-reader', brokers);
  const bus = new KafkaBus(options);
  const messages: IncomingMessage[] = [];
  await retried(async () => {
    await bus.ensureTopics([{ topic: Topics.permissionsEvents, partitions: 3 }]);
    const consumer = bus.createConsumer(
      { groupId: options.clientId, topics: [Topics.permissionsEvents], fromBeginning: true },
      async (message) => void messages.push(message),
    );
    await consumer.start().catch(async (error: unknown) => {
      await consumer.stop().catch(() => undefined);
      throw error;
    });
  });
  const eventsOf = (streamId: string) =>
    messages
      .filter((m) => m.key === streamId)
      .map((m) => JSON.parse(m.value.toString('utf8')) as PermissionsEvent);
  return {
    messages,
    eventsOf,
    publishedOf: (streamId) => {
      const once = new Map(eventsOf(streamId).map((e) => [e.eventId, e]));
      return [...once.values()].sort((a, b) => a.streamVersion - b.streamVersion);
    },
    stop: () => bus.close(),
  };
}

/**
 * A topic just created may not have its leaders known to every broker connection yet, and
 * kafkajs then reports "does not host this topic-partition": retried, as clients do.
 */
async function retried(attempt: () => Promise<void>, attempts = 10): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * i));
    }
  }
}
