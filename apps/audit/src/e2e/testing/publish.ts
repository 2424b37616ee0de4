import {
  EventEnvelope,
  EventRegistry,
  permissionsEvents,
  registrationEvents,
  tokenEvents,
} from '@extapps/contracts';
import { EventPublisher, KafkaBus, OutgoingMessage } from '@extapps/messaging';
import { uniqueName } from '@extapps/testing';

/** Publishes to the real topics as the producing services would (validated, keyed by stream). */
export class TestPublisher {
  private readonly bus: KafkaBus;
  private readonly publisher: EventPublisher;

  constructor(brokers: readonly string[] = (process.env['KAFKA_BROKERS'] ?? '').split(',')) {
    this.bus = new KafkaBus({ brokers, clientId: uniqueName('audit-test-publisher') });
    const registry = new EventRegistry([
      ...registrationEvents,
      ...tokenEvents,
      ...permissionsEvents,
    ]);
    this.publisher = new EventPublisher(this.bus.producer, registry);
  }

  publish(topic: string, events: readonly EventEnvelope[]): Promise<void> {
    return this.publisher.publish(topic, events);
  }

  /** Anything at all, e.g. a poison message no service would publish. */
  publishRaw(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    return this.bus.producer.send(topic, messages);
  }

  close(): Promise<void> {
    return this.bus.close();
  }
}
