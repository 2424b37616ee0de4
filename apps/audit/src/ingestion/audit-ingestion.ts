import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { SERVICE_EVENT_TOPIC_PATTERN } from '@extapps/contracts';
import {
  BatchingMessageBus,
  createEventBatchConsumer,
  EventBatchHandler,
  MESSAGE_BUS,
  MessageConsumer,
  Sleep,
} from '@extapps/messaging';
import { Logger, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { setTimeout as delay } from 'node:timers/promises';
import {
  AUDITED_DEFINITIONS,
  AUDITED_SOURCES,
  AUDITED_TOPIC_PARTITIONS,
  AuditedEvent,
} from './audited-sources';
import { IngestionPipeline } from './ingestion-pipeline';
import { IngestionSettings } from './ingestion.settings';

const START_RETRY_MAX_MS = 10_000;

/**
 * A failing store is retried until it works, with backoff up to 5 s, and never parked: an outage of
 * MongoDB must leave the partition waiting, not divert valid events to the dead-letter topic.
 * (Unlimited attempts also mean a failing batch is never split into single messages.) Poison is
 * parked at once, whatever this says.
 */
export const STORE_RETRY = {
  maxAttempts: Number.MAX_SAFE_INTEGER,
  initialDelayMs: 200,
  maxDelayMs: 5_000,
} as const;

export type ConsumerState = 'starting' | 'running' | 'stopped';

/** What tests may change about the consumer; production passes nothing. */
export interface IngestionTuning {
  /** Waits between store retries (default: real time). */
  readonly sleep?: Sleep;
}
export const INGESTION_TUNING = Symbol('INGESTION_TUNING');

/**
 * Reads every service event topic (SERVICE_EVENT_TOPIC_PATTERN, the known ones created first so
 * the pattern finds them) from the beginning, a batch at a time, at least once: Kafka offsets are
 * committed only once a batch is stored (one insert) and its poison parked. Starts in the
 * background and retries while Kafka is unreachable, so the query API does not depend on it.
 */
@Injectable()
export class AuditIngestion implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: MessageConsumer | undefined;
  private started: Promise<void> | undefined;
  private running = false;
  private readonly stopping = new AbortController();
  private readonly logger: Logger;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: BatchingMessageBus,
    private readonly pipeline: IngestionPipeline,
    @Inject(SERVICE_CONFIG) private readonly settings: IngestionSettings,
    @Inject(ROOT_LOGGER) logger: Logger,
    @Optional() @Inject(INGESTION_TUNING) private readonly tuning: IngestionTuning = {},
  ) {
    this.logger = logger.child({ component: 'ingestion' });
  }

  get groupId(): string {
    return this.settings.INGESTION_GROUP_ID;
  }

  get state(): ConsumerState {
    if (this.stopping.signal.aborted) return 'stopped';
    return this.running ? 'running' : 'starting';
  }

  onApplicationBootstrap(): void {
    void this.start();
  }

  /** Resolves once the consumer has joined its group (or the service stops first). */
  start(): Promise<void> {
    this.started ??= this.startWithRetry();
    return this.started;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.stop();
  }

  private async startWithRetry(): Promise<void> {
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.bus.ensureTopics(
          AUDITED_SOURCES.map(({ topic }) => ({ topic, partitions: AUDITED_TOPIC_PARTITIONS })),
        );
        this.consumer = createEventBatchConsumer(
          this.bus,
          {
            groupId: this.groupId,
            topics: [SERVICE_EVENT_TOPIC_PATTERN],
            fromBeginning: true,
            definitions: AUDITED_DEFINITIONS,
            maxBatchSize: this.settings.INGESTION_BATCH_SIZE,
            retry: STORE_RETRY,
            sleep: this.tuning.sleep,
            onInvalid: (message, reason) => this.pipeline.refuseInvalid(message, reason),
          },
          this.handler,
        );
        await this.consumer.start();
        this.running = true;
        this.logger.info({ groupId: this.groupId }, 'ingesting');
        return;
      } catch (error) {
        await this.consumer?.stop().catch(() => undefined);
        this.consumer = undefined;
        const backoffMs = Math.min(500 * 2 ** attempt, START_RETRY_MAX_MS);
        this.logger.warn({ attempt, backoffMs, reason: (error as Error).message }, 'not started');
        await delay(backoffMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  /**
   * One insert per batch: resolving commits the batch, throwing retries it whole, and the refused
   * events are parked at once (the bus logs each with the dead-letter topic and reason).
   */
  private readonly handler: EventBatchHandler<AuditedEvent> = async (events) => {
    const { refused } = await this.pipeline.ingest(events);
    return { refused };
  };
}
