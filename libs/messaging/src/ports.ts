import { RetryPolicy, Sleep } from './retry/backoff';

/** A message to publish. The key picks the partition: one aggregate's messages stay in order. */
export interface OutgoingMessage {
  readonly key: string;
  readonly value: Buffer | string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  /** Decimal string: Kafka offsets are 64-bit. */
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestamp: Date;
}

/** Resolving means "done, commit me"; throwing means "retry me" (or park, see PoisonMessageError). */
export type MessageHandler = (message: IncomingMessage) => Promise<void>;

export interface MessageProducer {
  /** Resolves once every message is acknowledged by all in-sync replicas. */
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
}

export interface ConsumerOptions {
  /** Consumers sharing a group id share the partitions and the committed progress. */
  readonly groupId: string;
  /** Topic names, or patterns matched against the topics that exist when the consumer starts. */
  readonly topics: readonly (string | RegExp)[];
  /** Where a group without committed offsets starts: the oldest message (true) or new ones only. */
  readonly fromBeginning?: boolean;
  readonly retry?: Partial<RetryPolicy>;
  /** Waits between retries; injected so tests do not wait on the wall clock. */
  readonly sleep?: Sleep;
  /** How long stop() lets an in-flight handler finish before abandoning it uncommitted. */
  readonly shutdownGraceMs?: number;
}

export interface StopOptions {
  /** Overrides ConsumerOptions.shutdownGraceMs for this stop. */
  readonly graceMs?: number;
}

export interface MessageConsumer {
  /** Resolves once the consumer has joined its group and is receiving. */
  start(): Promise<void>;
  /**
   * Stops fetching, lets the in-flight handler finish and commits it, then leaves the group.
   * A handler still running after the grace period is abandoned uncommitted: its message is
   * delivered again to the group (at-least-once).
   */
  stop(options?: StopOptions): Promise<void>;
}

/** A message a batch handler found to be poison, and why: it is parked, never retried. */
export interface PoisonMessage {
  readonly message: IncomingMessage;
  readonly reason: string;
}

/** A batch handler's answer: the messages of the batch to park; every other one was handled. */
export interface BatchOutcome {
  readonly poison?: readonly PoisonMessage[];
}

/**
 * Gets consecutive messages of one partition, in offset order. Resolving means "done, commit them
 * all" (once the poison it names is parked); throwing means "retry the whole batch". A
 * PoisonMessageError thrown for a batch of several does not say which one is poison: the batch is
 * then delivered again one message at a time.
 */
export type BatchHandler = (messages: readonly IncomingMessage[]) => Promise<BatchOutcome | void>;

export interface BatchConsumerOptions extends ConsumerOptions {
  /**
   * Most messages per handler call (default DEFAULT_MAX_BATCH_SIZE). A batch never spans
   * partitions, and holds only what one fetch brought: under a trickle, batches are small.
   */
  readonly maxBatchSize?: number;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

export interface CommittedOffset {
  readonly partition: number;
  /** The next offset the group will read, or null when the group never committed on it. */
  readonly offset: string | null;
}

/** A partition's high watermark: the offset the next message appended to it will get. */
export interface EndOffset {
  readonly partition: number;
  /** Decimal string, like message offsets; "0" for a partition that never had a message. */
  readonly offset: string;
}

export interface MessageBus {
  readonly producer: MessageProducer;
  createConsumer(options: ConsumerOptions, handler: MessageHandler): MessageConsumer;
  /** Creates missing topics; existing ones are left as they are (repartitioning reorders keys). */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  committedOffsets(groupId: string, topic: string): Promise<CommittedOffset[]>;
  /**
   * Every partition's end (high watermark) now, by partition: a reader that has handled up to just
   * before these offsets has caught up with everything published so far. Rejects for a topic that
   * does not exist.
   */
  endOffsets(topic: string): Promise<EndOffset[]>;
  /** True when the cluster answers within timeoutMs; never rejects, never hangs. */
  ping(timeoutMs: number): Promise<boolean>;
  /** Stops every consumer it created (gracefully), then closes its connections. */
  close(): Promise<void>;
}

/**
 * A bus whose consumers can also take a partition's messages a batch at a time: both adapters.
 * Kept apart from MessageBus so hand-written buses (test doubles) need not implement it.
 */
export interface BatchingMessageBus extends MessageBus {
  /**
   * Like createConsumer, a batch at a time: offsets are committed only after the handler resolved
   * for the whole batch (at-least-once); a failing batch is retried with the retry policy, and
   * once its attempts are spent, delivered one message at a time, each with the same policy, so
   * a message that always fails is parked alone.
   */
  createBatchConsumer(options: BatchConsumerOptions, handler: BatchHandler): MessageConsumer;
}
