import { MessagingConfigError } from '../errors';
import { MessagingLogger, noopLogger } from '../logger';
import { MessagingLogLevel } from './kafka-logger';

/** Group-protocol timings; tests shrink them so joins and leaves take well under a second. */
export interface KafkaConsumerTuning {
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly rebalanceTimeoutMs: number;
  /** Longest a fetch waits for new data; also bounds how long stop() waits for an idle fetch. */
  readonly maxWaitTimeMs: number;
}

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger?: MessagingLogger;
  readonly logLevel?: MessagingLogLevel;
  /** Stamps dead letters' failure time. */
  readonly clock?: () => Date;
  readonly consumer?: Partial<KafkaConsumerTuning>;
  /**
   * Default stop grace for this bus's consumers (ConsumerOptions.shutdownGraceMs still wins).
   * A service sets it below its own shutdown deadline, so a stuck handler is abandoned (its
   * message stays uncommitted) while there is still time to leave the group and close cleanly.
   */
  readonly shutdownGraceMs?: number;
}

export interface ResolvedKafkaBusOptions {
  readonly brokers: string[];
  readonly clientId: string;
  readonly logger: MessagingLogger;
  readonly logLevel: MessagingLogLevel;
  readonly clock: () => Date;
  readonly consumer: KafkaConsumerTuning;
  readonly shutdownGraceMs?: number;
}

export const DEFAULT_CONSUMER_TUNING: KafkaConsumerTuning = {
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  maxWaitTimeMs: 1_000,
};

const BROKER = /^[^\s:/]+:[0-9]{1,5}$/;

export function resolveKafkaBusOptions(options: KafkaBusOptions): ResolvedKafkaBusOptions {
  if (options.brokers.length === 0)
    throw new MessagingConfigError('brokers', 'must list at least one host:port');
  const bad = options.brokers.find((b) => !BROKER.test(b));
  if (bad !== undefined)
    throw new MessagingConfigError('brokers', `must be host:port entries, got "${bad}"`);
  if (options.clientId.trim() === '')
    throw new MessagingConfigError('clientId', 'must not be empty');
  const consumer = { ...DEFAULT_CONSUMER_TUNING, ...options.consumer };
  for (const [name, value] of Object.entries(consumer)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new MessagingConfigError(
        `consumer.${name}`,
        `must be a positive integer, got ${value}`,
      );
    }
  }
  if (consumer.heartbeatIntervalMs >= consumer.sessionTimeoutMs) {
    throw new MessagingConfigError(
      'consumer.heartbeatIntervalMs',
      'must be below consumer.sessionTimeoutMs',
    );
  }
  const grace = options.shutdownGraceMs;
  if (grace !== undefined && (!Number.isInteger(grace) || grace < 0)) {
    throw new MessagingConfigError('shutdownGraceMs', `must be an integer >= 0, got ${grace}`);
  }
  return {
    brokers: [...options.brokers],
    clientId: options.clientId,
    logger: options.logger ?? noopLogger,
    logLevel: options.logLevel ?? 'info',
    clock: options.clock ?? (() => new Date()),
    consumer,
    shutdownGraceMs: grace,
  };
}
