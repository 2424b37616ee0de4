import { EventEnvelope } from '@extapps/contracts';
import { IncomingMessage, MessageBus } from '@extapps/messaging';
import { uniqueName } from '@extapps/testing';

export interface TopicRecorder {
  /** Every message read so far, per partition in offset order. */
  readonly messages: IncomingMessage[];
  stop(): Promise<void>;
}

/** Reads `topic` from the beginning with a group of its own, keeping every message. */
export async function recordTopic(bus: MessageBus, topic: string): Promise<TopicRecorder> {
  const messages: IncomingMessage[] = [];
  const consumer = bus.createConsumer(
    { groupId: uniqueName('recorder'), topics: [topic], fromBeginning: true },
    async (message) => void messages.push(message),
  );
  await consumer.start();
  return { messages, stop: () => consumer.stop() };
}

/**
 * Per message key, the stream versions in the order they were first published: what a consumer
 * that dedupes by version sees. Also checks that each message is keyed by its stream id.
 */
export function firstPublications(messages: readonly IncomingMessage[]): Record<string, number[]> {
  const seen: Record<string, number[]> = {};
  for (const message of messages) {
    const event = JSON.parse(message.value.toString('utf8')) as EventEnvelope;
    if (message.key !== event.streamId) {
      throw new Error(`event of ${event.streamId} was keyed ${String(message.key)}`);
    }
    const versions = (seen[event.streamId] ??= []);
    if (!versions.includes(event.streamVersion)) versions.push(event.streamVersion);
  }
  return seen;
}

/** `{ a: [1..n], ... }` for the given streams of n events each. */
export function inOrder(streams: readonly string[], count: number): Record<string, number[]> {
  const versions = Array.from({ length: count }, (_, i) => i + 1);
  return Object.fromEntries(streams.map((s) => [s, versions]));
}
