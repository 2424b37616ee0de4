import { EachBatchPayload } from 'kafkajs';
import { nextOffset, ResolvedConsumerOptions } from '../consumer-options';
import { AbandonedError, abandonable } from '../delivery/abandon';
import { deliver, deliveryContext, DeliveryDeps } from '../delivery/deliver';
import { DeadLetterPublishError } from '../errors';
import { MessageHandler } from '../ports';
import type { KafkaBatchProcessor } from './kafka-consumer';
import { toIncoming } from './kafka-message';

export const COMMIT_EVERY_MESSAGES = 500;
export const COMMIT_EVERY_MS = 1_000;

/**
 * Handles one message at a time per partition and commits offsets only of messages handled or
 * parked: every COMMIT_EVERY_MESSAGES messages, every COMMIT_EVERY_MS, and when a batch ends or
 * stops. A crash loses nothing and replays at most the messages handled since the last commit
 * (handlers are idempotent by eventId); committing per message would cost a broker round trip
 * each, which made reading a long topic from the beginning slow.
 */
export function eachMessage(
  deps: DeliveryDeps,
  options: ResolvedConsumerOptions,
  handler: MessageHandler,
): KafkaBatchProcessor {
  return async (payload, signal) => {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const progress = new BatchProgress(payload);
    try {
      for (const raw of batch.messages) {
        if (!isRunning() || isStale() || signal.aborted) return;
        const message = toIncoming(batch.topic, batch.partition, raw);
        const context = deliveryContext(options, deps, signal, heartbeat);
        const where = { groupId: options.groupId, topic: message.topic, offset: message.offset };
        const delivered = abandonable(deliver(message, handler, context), signal);
        if (!(await handled(delivered, deps, where))) return;
        resolveOffset(raw.offset);
        await progress.handled(raw.offset);
        if (isRunning()) await heartbeat();
      }
    } finally {
      // Also on an early return or a failing handler: what was handled stays handled.
      await progress.commit();
    }
  };
}

/**
 * True once `delivery` handled or parked its messages; false when stop() abandoned them (they stay
 * uncommitted for the next group member). A message that could not be parked is thrown on to
 * kafkajs, which fetches again from the last resolved offset: that message.
 */
export async function handled(
  delivery: Promise<unknown>,
  deps: DeliveryDeps,
  where: Record<string, unknown>,
): Promise<boolean> {
  try {
    await delivery;
    return true;
  } catch (error) {
    if (error instanceof AbandonedError) return false;
    if (error instanceof DeadLetterPublishError) {
      deps.logger.error({ ...where, err: error }, 'message not parked');
    }
    throw error;
  }
}

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
