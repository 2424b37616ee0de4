import { deadLetterTopic } from '@extapps/contracts';
import { matchTopics, ResolvedConsumerOptions } from '../consumer-options';
import { AbandonedError, abandonable } from '../delivery/abandon';
import { deliver, deliveryContext, DeliveryDeps } from '../delivery/deliver';
import { IncomingMessage, MessageConsumer, MessageHandler, StopOptions } from '../ports';
import { InMemoryLog, Member, TopicPartition } from './memory-log';

export interface InMemoryConsumerDeps extends DeliveryDeps {
  readonly log: InMemoryLog;
}

/** Same contract as the Kafka consumer: one message at a time, commit after handled or parked. */
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
    private readonly handler: MessageHandler,
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
      if (next) await this.process(next.tp, next.message);
      else await this.deps.log.changed();
      // Lets timers and other consumers run even when every wait is an instant fake sleep.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private claimNext(): { tp: TopicPartition; message: IncomingMessage } | undefined {
    const { log } = this.deps;
    const { groupId } = this.options;
    const assigned = log.assignment(groupId, this);
    for (let i = 0; i < assigned.length; i++) {
      const tp = assigned[(this.cursor + i) % assigned.length];
      const message = log.read(tp, this.position(tp));
      if (message && log.tryClaim(groupId, tp)) {
        this.cursor = (this.cursor + i + 1) % assigned.length;
        return { tp, message };
      }
    }
    return undefined;
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

  private async process(tp: TopicPartition, message: IncomingMessage): Promise<void> {
    const { groupId, policy, sleep } = this.options;
    const { log, logger } = this.deps;
    const signal = this.abandon.signal;
    try {
      await abandonable(
        deliver(message, this.handler, deliveryContext(this.options, this.deps, signal)),
        signal,
      );
      log.commit(groupId, tp, Number(message.offset) + 1);
    } catch (error) {
      if (error instanceof AbandonedError) return;
      // Not committed: the same message comes again after a pause, as Kafka refetches it.
      logger.error(
        { groupId, topic: tp.topic, offset: message.offset, err: error },
        'message not parked',
      );
      await abandonable(sleep(policy.maxDelayMs), signal).catch(() => undefined);
    } finally {
      log.release(groupId, tp);
    }
  }
}
