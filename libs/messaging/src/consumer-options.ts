import { MessagingConfigError } from './errors';
import { BatchConsumerOptions, ConsumerOptions } from './ports';
import { realSleep, resolveRetryPolicy, RetryPolicy, Sleep } from './retry/backoff';

export interface ResolvedConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly (string | RegExp)[];
  readonly fromBeginning: boolean;
  readonly policy: RetryPolicy;
  readonly sleep: Sleep;
  readonly shutdownGraceMs: number;
}

/** Leaves time for the commit and the group leave inside a typical 30 s termination grace period. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

// The group id becomes part of dead-letter topic names, so it must be a legal topic name part.
const GROUP_ID = /^[a-zA-Z0-9._-]{1,150}$/;

export function resolveConsumerOptions(options: ConsumerOptions): ResolvedConsumerOptions {
  if (!GROUP_ID.test(options.groupId)) {
    throw new MessagingConfigError('groupId', `must match ${GROUP_ID}, got "${options.groupId}"`);
  }
  if (options.topics.length === 0)
    throw new MessagingConfigError('topics', 'must name at least one topic');
  const shutdownGraceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  if (!Number.isFinite(shutdownGraceMs) || shutdownGraceMs < 0) {
    throw new MessagingConfigError('shutdownGraceMs', `must be >= 0, got ${shutdownGraceMs}`);
  }
  return {
    groupId: options.groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning ?? false,
    policy: resolveRetryPolicy(options.retry),
    sleep: options.sleep ?? realSleep,
    shutdownGraceMs,
  };
}

/** Large enough to amortize a store round trip; small enough to keep a retry cheap. */
export const DEFAULT_MAX_BATCH_SIZE = 500;
const MAX_BATCH_SIZE_LIMIT = 100_000;

export interface ResolvedBatchConsumerOptions extends ResolvedConsumerOptions {
  readonly maxBatchSize: number;
}

export function resolveBatchConsumerOptions(
  options: BatchConsumerOptions,
): ResolvedBatchConsumerOptions {
  const maxBatchSize = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE_LIMIT) {
    throw new MessagingConfigError(
      'maxBatchSize',
      `must be an integer from 1 to ${MAX_BATCH_SIZE_LIMIT}, got ${maxBatchSize}`,
    );
  }
  return { ...resolveConsumerOptions(options), maxBatchSize };
}

export function matchTopics(
  patterns: readonly (string | RegExp)[],
  existing: readonly string[],
): string[] {
  const names = patterns.flatMap((p) =>
    typeof p === 'string' ? [p] : existing.filter((t) => t.search(p) !== -1),
  );
  const unique = [...new Set(names)];
  if (unique.length === 0) {
    throw new MessagingConfigError(
      'topics',
      `match no existing topic (${patterns.map(String).join(', ')})`,
    );
  }
  return unique;
}

/** The offset to commit after `offset` was processed: Kafka commits the next offset to read. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
