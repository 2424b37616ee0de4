import { Admin, Kafka, logLevel } from 'kafkajs';

/** A topic's partition offsets (decimal strings, as Kafka gives them), by partition. */
export type Offsets = ReadonlyMap<number, string>;
export type TopicOffsets = ReadonlyMap<string, Offsets>;

/** Plain kafkajs: what the bench asks Kafka itself, around the service's own bus. */
export class KafkaSide {
  private readonly kafka: Kafka;

  constructor(brokers: readonly string[], clientId: string) {
    this.kafka = new Kafka({ brokers: [...brokers], clientId, logLevel: logLevel.NOTHING });
  }

  /** Every partition's end offset of the topics that exist (missing topics are left out). */
  async ends(topics: readonly string[]): Promise<TopicOffsets> {
    return this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const result = new Map<string, Offsets>();
      for (const topic of topics.filter((t) => existing.has(t))) {
        const offsets = await admin.fetchTopicOffsets(topic);
        result.set(topic, new Map(offsets.map((o) => [o.partition, o.high])));
      }
      return result;
    });
  }

  /**
   * Commits `offsets` for a group that has no members yet: it then starts there instead of at
   * the beginning, so a run reads only its own events even on a Kafka that holds older ones.
   */
  async startGroupAt(groupId: string, offsets: TopicOffsets): Promise<void> {
    await this.withAdmin(async (admin) => {
      for (const [topic, partitions] of offsets) {
        const list = [...partitions].map(([partition, offset]) => ({ partition, offset }));
        await admin.setOffsets({ groupId, topic, partitions: list });
      }
    });
  }

  async deleteGroups(groupIds: readonly string[]): Promise<void> {
    await this.withAdmin((admin) => admin.deleteGroups([...groupIds])).catch(() => undefined);
  }

  /** A consumer of this client, for the raw consume measurement. */
  consumer(groupId: string) {
    return this.kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
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
