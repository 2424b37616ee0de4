import { deadLetterTopic } from '@extapps/contracts';
import { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { matchTopics, nextOffset, ResolvedConsumerOptions } from '../consumer-options';
import { AbandonedError, abandonable } from '../delivery/abandon';
import { deliver, deliveryContext, DeliveryDeps } from '../delivery/deliver';
import { DeadLetterPublishError } from '../errors';
import { IncomingMessage, MessageConsumer, MessageHandler, StopOptions, TopicSpec } from '../ports';
import { KafkaConsumerTuning } from './kafka-options';

export interface KafkaConsumerDeps extends DeliveryDeps {
  readonly kafka: Kafka;
  readonly tuning: KafkaConsumerTuning;
  readonly listTopics: () => Promise<string[]>;
  readonly ensureTopics: (topics: readonly TopicSpec[]) => Promise<void>;
}

/**
 * Handles one message at a time per partition and commits offsets only of messages handled or
 * parked (autoCommit off): every COMMIT_EVERY_MESSAGES messages, every COMMIT_EVERY_MS, and when a
 * batch ends or stops. A crash loses nothing and replays at most the messages handled since the
 * last commit (handlers are idempotent by eventId); committing per message would cost a broker
 * round trip each, which made reading a long topic from the beginning slow.
 */
export class KafkaMessageConsumer implements MessageConsumer {
  private consumer: Consumer | undefined;
  private readonly abandon = new AbortController();
  private state: 'new' | 'started' | 'stopped' = 'new';
  private starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: KafkaConsumerDeps,
    private readonly options: ResolvedConsumerOptions,
    private readonly handler: MessageHandler,
  ) {}

  start(): Promise<void> {
    if (this.state !== 'new') {
      return Promise.reject(
        new Error(`consumer of group ${this.options.groupId} was already started`),
      );
    }
    this.state = 'started';
    this.starting = this.connectAndRun();
    return this.starting;
  }

  async stop(options: StopOptions = {}): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    // A stop racing start() must not leave behind a consumer that start() is still setting up.
    await this.starting.catch(() => undefined);
    const timer = setTimeout(
      () => this.abandon.abort(),
      options.graceMs ?? this.options.shutdownGraceMs,
    );
    try {
      // Waits for the batch in progress: its in-flight message finishes and is committed first.
      await this.consumer?.disconnect();
    } finally {
      clearTimeout(timer);
    }
  }

  private async connectAndRun(): Promise<void> {
    const { groupId, fromBeginning } = this.options;
    const topics = matchTopics(this.options.topics, await this.deps.listTopics());
    // Created up front: parking must not depend on the broker's auto-creation setting.
    await this.deps.ensureTopics(
      topics.map((t) => ({
        topic: deadLetterTopic(groupId, t),
        partitions: 1,
      })),
    );
    const { sessionTimeoutMs, heartbeatIntervalMs, rebalanceTimeoutMs, maxWaitTimeMs } =
      this.deps.tuning;
    const consumer = this.deps.kafka.consumer({
      groupId,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: heartbeatIntervalMs,
      rebalanceTimeout: rebalanceTimeoutMs,
      maxWaitTimeInMs: maxWaitTimeMs,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) =>
      this.deps.logger.error(
        { groupId, err: payload.error, restart: payload.restart },
        'kafka consumer crashed',
      ),
    );
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (p) => this.processBatch(p),
    });
  }

  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const progress = new BatchProgress(payload);
    try {
      for (const raw of batch.messages) {
        if (!isRunning() || isStale() || this.abandon.signal.aborted) return;
        const message = toIncoming(batch.topic, batch.partition, raw);
        if (!(await this.handle(message, heartbeat))) return;
        resolveOffset(raw.offset);
        await progress.handled(raw.offset);
        if (isRunning()) await heartbeat();
      }
    } finally {
      // Also on an early return or a failing handler: what was handled stays handled.
      await progress.commit();
    }
  }

  /** False when stop() abandoned the message: it stays uncommitted for the next group member. */
  private async handle(message: IncomingMessage, heartbeat: () => Promise<void>): Promise<boolean> {
    const { groupId } = this.options;
    const signal = this.abandon.signal;
    const context = deliveryContext(this.options, this.deps, signal, heartbeat);
    try {
      await abandonable(deliver(message, this.handler, context), signal);
      return true;
    } catch (error) {
      if (error instanceof AbandonedError) return false;
      if (error instanceof DeadLetterPublishError) {
        // Thrown on to kafkajs, which fetches again from the last resolved offset: this message.
        this.deps.logger.error(
          { groupId, topic: message.topic, offset: message.offset, err: error },
          'message not parked',
        );
      }
      throw error;
    }
  }
}

export const COMMIT_EVERY_MESSAGES = 500;
export const COMMIT_EVERY_MS = 1_000;

/** The offsets of one batch handled but not yet committed. */
class BatchProgress {
  private pending: string | undefined;
  private sinceCommit = 0;
  private lastCommitAt = Date.now();

  constructor(private readonly payload: EachBatchPayload) {}

  async handled(offset: string): Promise<void> {
    this.pending = offset;
    this.sinceCommit++;
    const due =
      this.sinceCommit >= COMMIT_EVERY_MESSAGES ||
      Date.now() - this.lastCommitAt >= COMMIT_EVERY_MS;
    if (due) await this.commit();
  }

  async commit(): Promise<void> {
    if (this.pending === undefined) return;
    const { batch, commitOffsetsIfNecessary } = this.payload;
    const partitions = [{ partition: batch.partition, offset: nextOffset(this.pending) }];
    this.pending = undefined;
    this.sinceCommit = 0;
    this.lastCommitAt = Date.now();
    // The payload's commit, unlike consumer.commitOffsets, still works while stop() is draining.
    await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions }] });
  }
}

function toIncoming(topic: string, partition: number, raw: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: raw.offset,
    key: raw.key ? raw.key.toString('utf8') : null,
    value: raw.value ?? Buffer.alloc(0),
    headers: toHeaders(raw.headers),
    timestamp: new Date(Number(raw.timestamp)),
  };
}

function toHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    // kafkajs turns a repeated header into an array; the last one wins, as in a map.
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) result[name] = last.toString();
  }
  return result;
}
