import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry, tokenEvents, Topics } from '@extapps/contracts';
import { EventPublisher, MESSAGE_BUS, MessageBus } from '@extapps/messaging';
import { tokenEnvelopes } from './token-envelopes';
import { TokenEventMeta, TokenEventRecord, TokenEventSink } from './token-event-sink';

/**
 * Interim sink: publishes straight to Kafka and waits for the broker's acknowledgement, so the
 * answer waits on Kafka and fails while Kafka is down. Replaced by the durable outbox.
 */
@Injectable()
export class DirectPublishSink implements TokenEventSink {
  private readonly publisher: EventPublisher;

  constructor(@Inject(MESSAGE_BUS) bus: MessageBus) {
    this.publisher = new EventPublisher(bus.producer, new EventRegistry(tokenEvents));
  }

  async record(records: readonly TokenEventRecord[], meta: TokenEventMeta): Promise<void> {
    await this.publisher.publish(Topics.tokenEvents, tokenEnvelopes(records, meta));
  }
}
