import { deadLetterTopic } from '@extapps/contracts';
import { matchTopics, ResolvedConsumerOptions } from '../consumer-options';
import { AbandonedError, abandonable } from '../delivery/abandon';
import { DeliveryDeps } from '../delivery/deliver';
import { IncomingMessage, MessageConsumer, StopOptions } from '../ports';
import { InMemoryLog, Member, TopicPartition } from './memory-log';

export interface InMemoryConsumerDeps extends DeliveryDeps {
  readonly log: InMemoryLog;
}

/**
 * Delivers consecutive messages of one partition (handled or parked when it resolves); `signal`
 * aborts when stop() gives up on it.
 */
export type MemoryProcessor = (
  messages: readonly IncomingMessage[],
  signal: AbortSignal,
) => Promise<void>;

/**
 * Same contract as the Kafka consumer: up to `maxBatchSize` messages of a partition at a time
 * (1 for a message consumer), committed once `process` resolved for them.
 */
export class InMemoryConsumer implements MessageConsumer, Member {
  topics: string[] = [];
  private state: 'new' | 'running' | 'stopped' = 'new';
  private loop: Promise<void> = Promise.resolve();
  private readonly abandon = new AbortController();
  private readonly startAt = new Map<string, number>();
  private cursor = 0;

  constructor(
    private readonly deps: InMemoryConsumerDeps,
    private readonly options: ResolvedConsumerOptions,
    private readonly process: MemoryProcessor,
    private readonly maxBatchSize = 1,
  ) {}

  async start(): Promise<void> {
    if (this.state !== 'new')
      throw new Error(`consumer of group ${this.options.groupId} was already started`);
    const { log } = this.deps;
    this.topics = matchTopics(this.options.topics, log.topicNames());
    this.topics.forEach((t) => {
      log.createTopic(t, 1);
      log.createTopic(deadLetterTopic(this.options.groupId, t), 1);
    });
    this.state = 'running';
    log.join(this.options.groupId, this);
    this.loop = this.run();
  }

  async stop(options: StopOptions = {}): Promise<void> {
    if (this.state !== 'running') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopped';
    this.deps.log.notify();
    const timer = setTimeout(
      () => this.abandon.abort(),
      options.graceMs ?? this.options.shutdownGraceMs,
    );
    try {
      await this.loop;
    } finally {
      clearTimeout(timer);
      this.deps.log.leave(this.options.groupId, this);
    }
  }

  private async run(): Promise<void> {
    while (this.state === 'running') {
      const next = this.claimNext();
      if (next) await this.deliver(next.tp, next.messages);
      else await this.deps.log.changed();
      // Lets timers and other consumers run even when every wait is an instant fake sleep.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private claimNext(): { tp: TopicPartition; messages: IncomingMessage[] } | undefined {
    const { log } = this.deps;
    const { groupId } = this.options;
    const assigned = log.assignment(groupId, this);
    for (let i = 0; i < assigned.length; i++) {
      const tp = assigned[(this.cursor + i) % assigned.length];
      const messages = this.readFrom(tp, this.position(tp));
      if (messages.length > 0 && log.tryClaim(groupId, tp)) {
        this.cursor = (this.cursor + i + 1) % assigned.length;
        return { tp, messages };
      }
    }
    return undefined;
  }

  /** What a fetch would bring: the messages from `offset` on, up to the batch size. */
  private readFrom(tp: TopicPartition, offset: number): IncomingMessage[] {
    const messages: IncomingMessage[] = [];
    for (let next = offset; messages.length < this.maxBatchSize; next++) {
      const message = this.deps.log.read(tp, next);
      if (!message) break;
      messages.push(message);
    }
    return messages;
  }

  /** Committed progress is shared by the group; without it, fromBeginning picks the start. */
  private position(tp: TopicPartition): number {
    const { log } = this.deps;
    const committed = log.committedOffset(this.options.groupId, tp);
    if (committed !== undefined) return committed;
    const name = `${tp.topic}/${tp.partition}`;
    if (!this.startAt.has(name))
      this.startAt.set(name, this.options.fromBeginning ? 0 : log.endOffset(tp));
    return this.startAt.get(name) ?? 0;
  }

  private async deliver(tp: TopicPartition, messages: readonly IncomingMessage[]): Promise<void> {
    const { groupId, policy, sleep } = this.options;
    const { log, logger } = this.deps;
    const signal = this.abandon.signal;
    const last = messages[messages.length - 1];
    try {
      await abandonable(this.process(messages, signal), signal);
      if (last) log.commit(groupId, tp, Number(last.offset) + 1);
    } catch (error) {
      if (error instanceof AbandonedError) return;
      // Not committed: the same messages come again after a pause, as Kafka refetches them.
      logger.error(
        { groupId, topic: tp.topic, offset: messages[0]?.offset, err: error },
        'message not parked',
      );
      await abandonable(sleep(policy.maxDelayMs), signal).catch(() => undefined);
    } finally {
      log.release(groupId, tp);
    }
  }
}
