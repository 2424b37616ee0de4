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
