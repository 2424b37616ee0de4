import { deadLetterTopic } from '@extapps/contracts';
import { MessageBus } from '@extapps/messaging';
import { AuditedSource } from './audited-sources';
import { z } from 'zod';

const offset = z.string().describe('a Kafka offset (decimal string)');

export const ingestionStatusSchema = z.object({
  groupId: z
    .string()
    .describe('the Kafka consumer group; parked messages go to dlq.<group>.<topic>'),
  consumer: z.enum(['starting', 'running', 'stopped']),
  topics: z.array(
    z.object({
      topic: z.string(),
      lag: z
        .number()
        .int()
        .nullable()
        .describe('messages published but not yet stored or parked; null: Kafka did not answer'),
      partitions: z.array(
        z.object({
          partition: z.number().int(),
          committed: offset.nullable().describe('the next offset to read; null: none committed'),
          end: offset,
        }),
      ),
      deadLetterTopic: z.string(),
      deadLettered: z
        .number()
        .int()
        .nullable()
        .describe('messages of this topic ever parked by the group; null: Kafka did not answer'),
    }),
  ),
  sinceStart: z
    .object({
      stored: z.number().int(),
      duplicates: z.number().int().describe('deliveries of events already recorded'),
      refused: z.number().int().describe('messages refused as poison and parked'),
      recentlyRefused: z.array(
        z.object({
          topic: z.string(),
          partition: z.number().int(),
          offset,
          reason: z.string(),
          at: z.string(),
        }),
      ),
    })
    .describe('this instance since it started'),
});
export type IngestionStatus = z.infer<typeof ingestionStatusSchema>;
export type TopicProgress = IngestionStatus['topics'][number];

/** Lasting progress from Kafka (committed and end offsets, dead-letter topic sizes). */
export async function topicProgress(
  bus: MessageBus,
  groupId: string,
  source: AuditedSource,
): Promise<TopicProgress> {
  const { topic } = source;
  const dlq = deadLetterTopic(groupId, topic);
  const [ends, committed, parked] = await Promise.all([
    bus.endOffsets(topic).catch(() => null),
    bus.committedOffsets(groupId, topic).catch(() => null),
    // A dead-letter topic exists once the consumer started; before that nothing was parked.
    bus.endOffsets(dlq).catch(() => null),
  ]);
  const partitions = (ends ?? []).map(({ partition, offset }) => ({
    partition,
    committed: committed?.find((c) => c.partition === partition)?.offset ?? null,
    end: offset,
  }));
  const lag =
    ends && committed
      ? partitions.reduce((sum, p) => sum + Number(BigInt(p.end) - BigInt(p.committed ?? '0')), 0)
      : null;
  const deadLettered = parked?.reduce((sum, p) => sum + Number(p.offset), 0) ?? null;
  return { topic, lag, partitions, deadLetterTopic: dlq, deadLettered };
}
