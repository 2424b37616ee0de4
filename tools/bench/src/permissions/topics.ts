import {
  EventEnvelope,
  EventRegistry,
  permissionsEvents,
  registrationEvents,
  Topics,
} from '@extapps/contracts';
import { EventPublisher, MessageBus } from '@extapps/messaging';
import type { Seed } from './seed';

/**
 * Partition counts used if this run creates the topics. They must match the owners' (the
 * permissions service's PERMISSIONS_EVENTS_PARTITIONS, the registration service's): an existing
 * topic is never repartitioned.
 */
const PARTITIONS = 3;

/**
 * Publishes the seed as the services would: validated, keyed by stream id, `batch` events per
 * send. Resolves once Kafka acknowledged every event.
 */
export async function publishSeed(bus: MessageBus, seed: Seed, batch: number): Promise<void> {
  await bus.ensureTopics([
    { topic: Topics.permissionsEvents, partitions: PARTITIONS },
    { topic: Topics.registrationEvents, partitions: PARTITIONS },
    { topic: Topics.tokenEvents, partitions: PARTITIONS },
  ]);
  const registry = new EventRegistry([...permissionsEvents, ...registrationEvents]);
  const publisher = new EventPublisher(bus.producer, registry);
  const send = async (topic: string, events: readonly EventEnvelope[]) => {
    for (let start = 0; start < events.length; start += batch) {
      await publisher.publish(topic, events.slice(start, start + batch));
    }
  };
  await send(Topics.registrationEvents, seed.registration);
  await send(Topics.permissionsEvents, seed.permissions);
}
