import { deadLetterTopic } from '@extapps/contracts';
import { setTimeout as delay } from 'node:timers/promises';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { matchTopics, ResolvedConsumerOptions } from '../consumer-options';
import { DeliveryDeps } from '../delivery/deliver';
import { MessageConsumer, StopOptions, TopicSpec } from '../ports';
import { KafkaConsumerTuning } from './kafka-options';

/** Waits between attempts to run again a consumer kafkajs gave up on: doubling, capped. */
export const RESTART_DELAYS_MS = { first: 500, max: 30_000 } as const;

export interface KafkaConsumerDeps extends DeliveryDeps {
  readonly kafka: Kafka;
  readonly tuning: KafkaConsumerTuning;
  readonly listTopics: () => Promise<string[]>;
  readonly ensureTopics: (topics: readonly TopicSpec[]) => Promise<void>;
}

/**
 * Handles one fetched batch of a partition: hands its messages over (one at a time or in
 * batches), resolves their offsets and commits them (autoCommit is off). Stops early when the
 * consumer stops; `signal` aborts when stop() gives up on the handler in flight.
 */
export type KafkaBatchProcessor = (payload: EachBatchPayload, signal: AbortSignal) => Promise<void>;

/**
 * A consumer's life cycle on kafkajs: subscribe, run each fetched batch through `process`, and a
 * stop that lets the batch in progress finish and commit (or abandons it after the grace period).
 */
export class KafkaMessageConsumer implements MessageConsumer {
  private consumer: Consumer | undefined;
  private readonly abandon = new AbortController();
  private readonly stopping = new AbortController();
  private state: 'new' | 'started' | 'stopped' = 'new';
  private starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: KafkaConsumerDeps,
    private readonly options: ResolvedConsumerOptions,
    private readonly process: KafkaBatchProcessor,
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
    this.stopping.abort();
    // A stop racing start() (or a restart after a crash) must not leave behind a consumer that start() is still setting up.
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
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.deps.logger.error(
        { groupId, err: payload.error, restart: payload.restart },
        'kafka consumer crashed',
      );
      if (!payload.restart) this.restartAfterCrash(consumer);
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.process(payload, this.abandon.signal),
    });
  }

  /**
   * kafkajs restarts a crashed consumer only after a retriable error; after another one (e.g.
   * "Failed to find group coordinator" while a broker restarts) it stays stopped for good, and the
   * group would never be read again. So this runs a new one, with backoff, until it runs or the
   * consumer is stopped. Nothing is lost: the new member starts from the committed offsets.
   */
  private restartAfterCrash(crashed: Consumer): void {
    if (this.state !== 'started' || this.consumer !== crashed) return;
    this.starting = this.restart(crashed);
  }

  private async restart(crashed: Consumer): Promise<void> {
    const { groupId } = this.options;
    await crashed.disconnect().catch(() => undefined);
    for (let attempt = 0; this.state === 'started'; attempt++) {
      const waitMs = Math.min(RESTART_DELAYS_MS.first * 2 ** attempt, RESTART_DELAYS_MS.max);
      const waited = await delay(waitMs, true, { signal: this.stopping.signal }).catch(() => false);
      if (!waited) return;
      try {
        await this.connectAndRun();
        this.deps.logger.warn({ groupId, attempt }, 'kafka consumer running again after a crash');
        return;
      } catch (error) {
        this.deps.logger.warn({ groupId, attempt, err: error }, 'kafka consumer not restarted yet');
        await this.consumer?.disconnect().catch(() => undefined);
      }
    }
  }
}
