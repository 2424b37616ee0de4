import { DeadLetterPublishError } from '../errors';
import { PoisonMessage } from '../ports';
import { AbandonedError } from './abandon';
import { deadLetterFor } from './dead-letter';
import type { DeliveryContext } from './deliver';

/**
 * Parks messages on their dead-letter topics, in offset order, one send per topic. Throws
 * DeadLetterPublishError when a send fails (the caller must not commit: the messages come again,
 * and some may then be parked twice) and AbandonedError once stop() gave up on the delivery.
 */
export async function park(
  poison: readonly PoisonMessage[],
  attempts: number,
  context: DeliveryContext,
): Promise<void> {
  const { groupId, clock, deadLetters, logger, signal } = context;
  if (poison.length === 0) return;
  if (signal.aborted) throw new AbandonedError();
  const failedAt = clock();
  const byTopic = new Map<
    string,
    { poison: PoisonMessage; letter: ReturnType<typeof deadLetterFor> }[]
  >();
  for (const entry of [...poison].sort(inOffsetOrder)) {
    const letter = deadLetterFor(entry.message, {
      groupId,
      error: entry.reason,
      attempts,
      failedAt,
    });
    byTopic.set(letter.topic, [...(byTopic.get(letter.topic) ?? []), { poison: entry, letter }]);
  }
  for (const [topic, letters] of byTopic) {
    try {
      await deadLetters.send(
        topic,
        letters.map(({ letter }) => letter.message),
      );
    } catch (cause) {
      throw new DeadLetterPublishError(topic, { cause });
    }
    for (const { poison: entry } of letters) {
      const { topic: from, partition, offset } = entry.message;
      logger.error(
        { topic: from, partition, offset, attempts, error: entry.reason, deadLetterTopic: topic },
        'message parked on dead-letter topic',
      );
    }
  }
}

function inOffsetOrder(a: PoisonMessage, b: PoisonMessage): number {
  const [x, y] = [BigInt(a.message.offset), BigInt(b.message.offset)];
  return x < y ? -1 : x > y ? 1 : 0;
}
