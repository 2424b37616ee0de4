import {
  resolveBatchConsumerOptions,
  resolveConsumerOptions,
  ResolvedConsumerOptions,
} from '../consumer-options';
import { deliver, deliveryContext } from '../delivery/deliver';
import { deliverBatch } from '../delivery/deliver-batch';
import { UnknownTopicError } from '../errors';
import { MessagingLogger, noopLogger } from '../logger';
import {
  BatchConsumerOptions,
  BatchHandler,
  BatchingMessageBus,
  CommittedOffset,
  ConsumerOptions,
  EndOffset,
  IncomingMessage,
  MessageConsumer,
  MessageHandler,
  MessageProducer,
  OutgoingMessage,
  TopicSpec,
} from '../ports';
import { InMemoryConsumer, MemoryProcessor } from './memory-consumer';
import { InMemoryLog } from './memory-log';

export interface InMemoryBusOptions {
  readonly clock?: () => Date;
  readonly logger?: MessagingLogger;
}

/** The messaging port without a broker, for services' unit tests. Same semantics as KafkaBus. */
export class InMemoryBus implements BatchingMessageBus {
  readonly producer: MessageProducer;
  private readonly log: InMemoryLog;
  private readonly clock: () => Date;
  private readonly logger: MessagingLogger;
  private readonly consumers = new Set<MessageConsumer>();
  private closed = false;

  constructor(options: InMemoryBusOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? noopLogger;
    this.log = new InMemoryLog(this.clock);
    this.producer = {
      send: async (topic, messages) => this.send(topic, messages),
    };
  }

  createConsumer(options: ConsumerOptions, handler: MessageHandler): MessageConsumer {
    const resolved = resolveConsumerOptions(options);
    return this.track(resolved, 1, async ([message], signal) => {
      const context = deliveryContext(resolved, this.deps(), signal);
      if (message) await deliver(message, handler, context);
    });
  }

  createBatchConsumer(options: BatchConsumerOptions, handler: BatchHandler): MessageConsumer {
    const resolved = resolveBatchConsumerOptions(options);
    return this.track(resolved, resolved.maxBatchSize, (messages, signal) =>
      deliverBatch(messages, handler, deliveryContext(resolved, this.deps(), signal)),
    );
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    this.assertOpen();
    topics.forEach(({ topic, partitions }) => this.log.createTopic(topic, partitions));
  }

  async committedOffsets(groupId: string, topic: string): Promise<CommittedOffset[]> {
    return Array.from({ length: this.log.partitionCount(topic) }, (_, partition) => {
      const offset = this.log.committedOffset(groupId, { topic, partition });
      return {
        partition,
        offset: offset === undefined ? null : String(offset),
      };
    });
  }

  async endOffsets(topic: string): Promise<EndOffset[]> {
    const partitions = this.log.partitionCount(topic);
    if (partitions === 0) throw new UnknownTopicError(topic);
    return Array.from({ length: partitions }, (_, partition) => ({
      partition,
      offset: String(this.log.endOffset({ topic, partition })),
    }));
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((c) => c.stop()));
    this.consumers.clear();
    this.closed = true;
  }

  /** Everything published to a topic, in partition then offset order: what a test asserts on. */
  published(topic: string): IncomingMessage[] {
    return Array.from({ length: this.log.partitionCount(topic) }, (_, partition) => {
      const found: IncomingMessage[] = [];
      for (let offset = 0; ; offset++) {
        const message = this.log.read({ topic, partition }, offset);
        if (!message) return found;
        found.push(message);
      }
    }).flat();
  }

  private deps() {
    return { log: this.log, producer: this.producer, logger: this.logger, clock: this.clock };
  }

  private track(
    options: ResolvedConsumerOptions,
    maxBatchSize: number,
    process: MemoryProcessor,
  ): MessageConsumer {
    this.assertOpen();
    const consumer = new InMemoryConsumer(this.deps(), options, process, maxBatchSize);
    this.consumers.add(consumer);
    return consumer;
  }

  private async send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    this.log.append(topic, messages);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the message bus is closed');
  }
}
