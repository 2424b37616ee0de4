import { EventEnvelope, EventRegistry } from '@extapps/contracts';
import { MessageProducer, OutgoingMessage } from '../ports';
import { eventHeaders } from './event-headers';

/**
 * Publishes envelopes keyed by stream id, so one aggregate's events stay in order on one partition.
 * Every envelope is validated before any is sent: a batch with one bad event publishes nothing.
 */
export class EventPublisher {
  constructor(
    private readonly producer: MessageProducer,
    private readonly registry: EventRegistry,
  ) {}

  async publish(topic: string, envelopes: readonly EventEnvelope[]): Promise<void> {
    const messages = envelopes.map((envelope): OutgoingMessage => {
      const event = this.registry.parse(envelope);
      return {
        key: event.streamId,
        value: JSON.stringify(event),
        headers: eventHeaders(event),
      };
    });
    await this.producer.send(topic, messages);
  }
}
