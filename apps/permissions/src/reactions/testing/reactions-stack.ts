import {
  EventEnvelope,
  EventRegistry,
  PermissionsEvent,
  registrationEvents,
  tokenEvents,
  Topics,
} from '@extapps/contracts';
import { EventPublisher, MESSAGE_BUS, MessageBus } from '@extapps/messaging';
import { PermissionsStack, startPermissionsStack } from '../../e2e/testing/permissions-stack';
import { readPermissionsTopic, TopicReader } from '../../e2e/testing/topic-reader';
import { ReactionsConsumer } from '../reactions.consumer';

export interface ReactionsStack extends PermissionsStack {
  /** Publishes on extapps.registration.events.v1, as the registration service would. */
  publishRegistration(...events: EventEnvelope[]): Promise<void>;
  /** Publishes on extapps.token.events.v1, as the token service would. */
  publishToken(...events: EventEnvelope[]): Promise<void>;
  /** Reads extapps.permissions.events.v1 from the beginning. */
  readonly topic: TopicReader;
  /** The events of one type read from the permissions topic so far, each once. */
  publishedOfType<T extends PermissionsEvent['type']>(
    type: T,
  ): Extract<PermissionsEvent, { type: T }>[];
  /** True once the reactions group has committed everything on the topic so far. */
  reactionsCaughtUp(topic: string): Promise<boolean>;
}

/**
 * P1's permissions stack (the whole service on the real Kafka and MongoDB, a reactions group of
 * its own), plus publishers for the topics the reactions read and a reader of the permissions
 * topic. Resolves once the reactions consumer runs (it waits for the access index to catch up).
 */
export async function startReactionsStack(): Promise<ReactionsStack> {
  const stack = await startPermissionsStack();
  await stack.service.app.get(ReactionsConsumer).start();
  const bus = stack.service.app.get<MessageBus>(MESSAGE_BUS);
  const topic = await readPermissionsTopic(String(stack.env['KAFKA_BROKERS']).split(','));
  const publisher = new EventPublisher(
    bus.producer,
    new EventRegistry([...registrationEvents, ...tokenEvents]),
  );
  const groupId = String(stack.env['REACTIONS_CONSUMER_GROUP']);
  return {
    ...stack,
    topic,
    publishRegistration: (...events) => publisher.publish(Topics.registrationEvents, events),
    publishToken: (...events) => publisher.publish(Topics.tokenEvents, events),
    publishedOfType<T extends PermissionsEvent['type']>(type: T) {
      const events = topic.messages
        .map((m) => JSON.parse(m.value.toString('utf8')) as PermissionsEvent)
        .filter((e): e is Extract<PermissionsEvent, { type: T }> => e.type === type);
      return [...new Map(events.map((e) => [e.eventId, e])).values()];
    },
    async reactionsCaughtUp(name) {
      const [ends, committed] = await Promise.all([
        bus.endOffsets(name),
        bus.committedOffsets(groupId, name),
      ]);
      return ends.every(
        (end) =>
          end.offset === '0' ||
          committed.find((c) => c.partition === end.partition)?.offset === end.offset,
      );
    },
    async close() {
      await topic.stop();
      await stack.close();
    },
  };
}
