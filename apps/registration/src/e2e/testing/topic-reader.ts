import { randomBytes } from 'node:crypto';
import { RegistrationEvent, Topics } from '@extapps/contracts';
import { IncomingMessage, KafkaBus } from '@extapps/messaging';

export interface TopicReader {
  /** Every message read so far, in arrival order. */
  readonly messages: readonly IncomingMessage[];
  /** The events of one app, in arrival order (a redelivered one appears twice). */
  eventsOf(appId: string): RegistrationEvent[];
  /** The events of one app, each once, in stream order. */
  publishedOf(appId: string): RegistrationEvent[];
  stop(): Promise<void>;
}

/** Reads extapps.registration.events.v1 from the beginning, in a consumer group of its own. */
export async function readRegistrationTopic(brokers: readonly string[]): Promise<TopicReader> {
  const suffix = randomBytes(4).toString('hex');
  const bus = new KafkaBus({
    brokers,
    clientId: `e2e-reader-${suffix}`,
    consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 200 },
  });
  const messages: IncomingMessage[] = [];
  await retried(async () => {
    await bus.ensureTopics([{ topic: Topics.registrationEvents, partitions: 3 }]);
    const consumer = bus.createConsumer(
      { groupId: `e2e-reader-${suffix}`, topics: [Topics.registrationEvents], fromBeginning: true },
      async (message) => void messages.push(message),
    );
    await consumer.start().catch(async (error: unknown) => {
      await consumer.stop().catch(() => undefined);
      throw error;
    });
  });
  const eventsOf = (appId: string) =>
    messages
      .filter((m) => m.key === appId)
      .map((m) => JSON.parse(m.value.toString('utf8')) as RegistrationEvent);
  return {
    messages,
    eventsOf,
    publishedOf: (appId) => {
      const once = new Map(eventsOf(appId).map((e) => [e.eventId, e]));
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
