import { Admin, Kafka } from 'kafkajs';
import {
  resolveBatchConsumerOptions,
  resolveConsumerOptions,
  ResolvedConsumerOptions,
} from '../consumer-options';
import { UnknownTopicError } from '../errors';
import {
  BatchConsumerOptions,
  BatchHandler,
  BatchingMessageBus,
  CommittedOffset,
  ConsumerOptions,
  EndOffset,
  MessageConsumer,
  MessageHandler,
  MessageProducer,
  TopicSpec,
} from '../ports';
import { KafkaBatchProcessor, KafkaConsumerDeps, KafkaMessageConsumer } from './kafka-consumer';
import { eachBatch } from './kafka-each-batch';
import { eachMessage } from './kafka-each-message';
import { kafkaLogCreator, kafkaLogLevels } from './kafka-logger';
import { KafkaBusOptions, resolveKafkaBusOptions, ResolvedKafkaBusOptions } from './kafka-options';
import { KafkaProducer } from './kafka-producer';
import { pingKafka } from './kafka-ping';

/** The Kafka implementation of the messaging port: one client, one shared producer, one admin. */
export class KafkaBus implements BatchingMessageBus {
  private readonly options: ResolvedKafkaBusOptions;
  private readonly kafka: Kafka;
  private readonly kafkaProducer: KafkaProducer;
  private readonly consumers = new Set<MessageConsumer>();
  private admin: Promise<Admin> | undefined;
  private closed = false;

  constructor(options: KafkaBusOptions) {
    this.options = resolveKafkaBusOptions(options);
    const { brokers, clientId, logger, logLevel } = this.options;
    this.kafka = new Kafka({
      brokers,
      clientId,
      logLevel: kafkaLogLevels[logLevel],
      logCreator: kafkaLogCreator(logger),
    });
    this.kafkaProducer = new KafkaProducer(this.kafka);
  }

  get producer(): MessageProducer {
    return this.kafkaProducer;
  }

  createConsumer(options: ConsumerOptions, handler: MessageHandler): MessageConsumer {
    const resolved = resolveConsumerOptions(this.withDefaults(options));
    return this.track(resolved, eachMessage(this.consumerDeps(), resolved, handler));
  }

  createBatchConsumer(options: BatchConsumerOptions, handler: BatchHandler): MessageConsumer {
    const resolved = resolveBatchConsumerOptions(this.withDefaults(options));
    return this.track(resolved, eachBatch(this.consumerDeps(), resolved, handler));
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    if (topics.length === 0) return;
    const admin = await this.connectedAdmin();
    // Asking first keeps every restart from logging kafkajs' "topic already exists" as an error.
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter(({ topic }) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      topics: missing.map(({ topic, partitions }) => ({
        topic,
        numPartitions: partitions,
      })),
      waitForLeaders: true,
    });
  }

  async committedOffsets(groupId: string, topic: string): Promise<CommittedOffset[]> {
    const admin = await this.connectedAdmin();
    const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (result?.partitions ?? [])
      .map(({ partition, offset }) => ({
        partition,
        offset: offset === '-1' ? null : offset,
      }))
      .sort((a, b) => a.partition - b.partition);
  }

  async endOffsets(topic: string): Promise<EndOffset[]> {
    const admin = await this.connectedAdmin();
    // Asked first: for a missing topic kafkajs would retry for seconds before giving up.
    if (!(await admin.listTopics()).includes(topic)) throw new UnknownTopicError(topic);
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets
      .map(({ partition, high }) => ({ partition, offset: high }))
      .sort((a, b) => a.partition - b.partition);
  }

  ping(timeoutMs: number): Promise<boolean> {
    return pingKafka(this.options, timeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    // Consumers first: a draining consumer may still need the producer to park a message.
    await Promise.allSettled([...this.consumers].map((c) => c.stop()));
    this.consumers.clear();
    await this.kafkaProducer.close();
    const admin = await this.admin?.catch(() => undefined);
    this.admin = undefined;
    await admin?.disconnect();
  }

  private withDefaults<O extends ConsumerOptions>(options: O): O {
    if (this.closed) throw new Error('the message bus is closed');
    return { ...options, shutdownGraceMs: options.shutdownGraceMs ?? this.options.shutdownGraceMs };
  }

  private consumerDeps(): KafkaConsumerDeps {
    const { logger, clock, consumer: tuning } = this.options;
    return {
      kafka: this.kafka,
      producer: this.kafkaProducer,
      logger,
      clock,
      tuning,
      listTopics: async () => (await this.connectedAdmin()).listTopics(),
      ensureTopics: (topics: readonly TopicSpec[]) => this.ensureTopics(topics),
    };
  }

  private track(options: ResolvedConsumerOptions, process: KafkaBatchProcessor): MessageConsumer {
    const consumer = new KafkaMessageConsumer(this.consumerDeps(), options, process);
    this.consumers.add(consumer);
    return consumer;
  }

  private connectedAdmin(): Promise<Admin> {
    if (this.closed) return Promise.reject(new Error('the message bus is closed'));
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(
        () => admin,
        (error: unknown) => {
          this.admin = undefined;
          throw error;
        },
      );
    }
    return this.admin;
  }
}
