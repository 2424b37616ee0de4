import { KafkaSide, TopicOffsets } from './kafka-side';
import { Progress, ProgressWatch } from './progress';

/**
 * The ceiling: the same events read by a plain kafkajs consumer (eachBatch, from the offsets the
 * run started at to those it ended at), counted and nothing else: no parsing, no store, no
 * commit. A group of its own, deleted afterwards.
 */
export async function rawConsume(
  kafka: KafkaSide,
  groupId: string,
  starts: TopicOffsets,
  ends: TopicOffsets,
  timeoutMs: number,
): Promise<Progress> {
  const total = [...ends].reduce(
    (sum, [topic, partitions]) =>
      sum +
      [...partitions].reduce(
        (n, [p, end]) => n + Number(BigInt(end) - BigInt(starts.get(topic)?.get(p) ?? '0')),
        0,
      ),
    0,
  );
  await kafka.startGroupAt(groupId, starts);
  const watch = new ProgressWatch(total);
  const consumer = kafka.consumer(groupId);
  let counted = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...ends.keys()] });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const end = BigInt(ends.get(batch.topic)?.get(batch.partition) ?? '0');
        counted += batch.messages.filter((m) => BigInt(m.offset) < end).length;
        if (watch.saw(counted)) done();
      },
    });
    if (total === 0 || watch.saw(counted)) done();
    await withTimeout(finished, timeoutMs, 'the raw consume');
  } finally {
    await consumer.disconnect();
    await kafka.deleteGroups([groupId]);
  }
  const result = watch.result();
  if (!result) throw new Error(`the raw consumer read ${counted} of ${total} events`);
  return result;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
