import { randomUUID } from 'node:crypto';
import { Topics } from '@extapps/contracts';
import { EventHeaders } from '@extapps/messaging';
import { waitUntil } from '@extapps/infra';
import { Admin, Kafka, logLevel } from 'kafkajs';

const TOPIC = Topics.tokenEvents;
const COUNT_TIMEOUT_MS = 300_000;

/**
 * Reads extapps.token.events.v1 straight through kafkajs, without committing per message as the
 * services' consumers do: counting a few hundred thousand events must take seconds, not minutes.
 */
export class TokenTopic {
  private readonly kafka: Kafka;

  constructor(brokers: readonly string[]) {
    this.kafka = new Kafka({
      brokers: [...brokers],
      clientId: 'bench-token-topic',
      logLevel: logLevel.NOTHING,
    });
  }

  /** Messages on the topic so far, all partitions (0 while it does not exist). */
  async total(): Promise<number> {
    const ends = await this.withAdmin((admin) => endOffsets(admin));
    return [...ends.values()].reduce((sum, end) => sum + end, 0);
  }

  /** Waits (up to `timeoutMs`) until the topic holds `count` messages; true if it got there. */
  async reaches(count: number, timeoutMs: number): Promise<boolean> {
    return waitUntil(async () => (await this.total()) >= count, {
      timeoutMs,
      intervalMs: 500,
      describe: () => 'timed out',
    }).then(
      () => true,
      () => false,
    );
  }

  /** TokenIssued events on the topic (up to its current end) whose key is one of `clientIds`. */
  async countIssued(clientIds: ReadonlySet<string>): Promise<number> {
    const ends = await this.withAdmin((admin) => endOffsets(admin));
    const pending = new Set([...ends].filter(([, end]) => end > 0).map(([partition]) => partition));
    if (pending.size === 0) return 0;
    const groupId = `bench-token-count-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId });
    let count = 0;
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
      let done: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (done = resolve));
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          for (const message of batch.messages) {
            if (Number(message.offset) >= (ends.get(batch.partition) ?? 0)) continue;
            const type = message.headers?.[EventHeaders.type]?.toString();
            if (type === 'TokenIssued' && clientIds.has(message.key?.toString() ?? '')) count++;
          }
          if (Number(batch.lastOffset()) + 1 >= (ends.get(batch.partition) ?? 0)) {
            pending.delete(batch.partition);
          }
          if (pending.size === 0) done();
        },
      });
      await withTimeout(finished, COUNT_TIMEOUT_MS, `counting ${TOPIC}`);
    } finally {
      await consumer.disconnect();
      await this.withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => undefined);
    }
    return count;
  }

  private async withAdmin<T>(use: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await use(admin);
    } finally {
      await admin.disconnect();
    }
  }
}

async function endOffsets(admin: Admin): Promise<Map<number, number>> {
  if (!(await admin.listTopics()).includes(TOPIC)) return new Map();
  const offsets = await admin.fetchTopicOffsets(TOPIC);
  return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
