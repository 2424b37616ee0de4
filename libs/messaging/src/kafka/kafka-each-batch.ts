import { nextOffset, ResolvedBatchConsumerOptions } from '../consumer-options';
import { abandonable } from '../delivery/abandon';
import { deliverBatch } from '../delivery/deliver-batch';
import { deliveryContext, DeliveryDeps } from '../delivery/deliver';
import { BatchHandler } from '../ports';
import type { KafkaBatchProcessor } from './kafka-consumer';
import { handled } from './kafka-each-message';
import { toIncoming } from './kafka-message';

/**
 * Hands a fetched batch over in slices of at most maxBatchSize messages and commits each slice
 * once the handler resolved for it (and its poison is parked): one commit per slice, and a crash
 * replays at most the slice in flight.
 */
export function eachBatch(
  deps: DeliveryDeps,
  options: ResolvedBatchConsumerOptions,
  handler: BatchHandler,
): KafkaBatchProcessor {
  return async (payload, signal) => {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } =
      payload;
    const { topic, partition } = batch;
    for (let start = 0; start < batch.messages.length; start += options.maxBatchSize) {
      if (!isRunning() || isStale() || signal.aborted) return;
      const raws = batch.messages.slice(start, start + options.maxBatchSize);
      const messages = raws.map((raw) => toIncoming(topic, partition, raw));
      const context = deliveryContext(options, deps, signal, heartbeat);
      const last = raws[raws.length - 1]?.offset ?? '';
      const where = { groupId: options.groupId, topic, offset: `${raws[0]?.offset}-${last}` };
      const delivered = abandonable(deliverBatch(messages, handler, context), signal);
      if (!(await handled(delivered, deps, where))) return;
      resolveOffset(last);
      // The payload's commit, unlike consumer.commitOffsets, still works while stop() is draining.
      await commitOffsetsIfNecessary({
        topics: [{ topic, partitions: [{ partition, offset: nextOffset(last) }] }],
      });
      if (isRunning()) await heartbeat();
    }
  };
}
