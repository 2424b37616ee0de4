import { IncomingMessage, OutgoingMessage } from '../ports';

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** A group member as the log sees it: which topics it reads, in join order. */
export interface Member {
  readonly topics: readonly string[];
}

/**
 * The in-memory stand-in for the brokers: partitioned append-only topics, committed offsets per
 * group, and partition assignment among a group's members.
 */
export class InMemoryLog {
  private readonly topics = new Map<string, IncomingMessage[][]>();
  private readonly committed = new Map<string, Map<string, number>>();
  private readonly members = new Map<string, Member[]>();
  private readonly inFlight = new Map<string, Set<string>>();
  private waiters: (() => void)[] = [];

  constructor(private readonly clock: () => Date) {}

  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  /** Like Kafka: an existing topic keeps its partitions. */
  createTopic(topic: string, partitions: number): void {
    if (!this.topics.has(topic))
      this.topics.set(
        topic,
        Array.from({ length: partitions }, () => []),
      );
  }

  partitionCount(topic: string): number {
    return this.topics.get(topic)?.length ?? 0;
  }

  append(topic: string, messages: readonly OutgoingMessage[]): void {
    this.createTopic(topic, 1);
    const partitions = this.topics.get(topic) ?? [];
    for (const m of messages) {
      const partition = hash(m.key) % partitions.length;
      const log = partitions[partition];
      const value = Buffer.from(m.value);
      log.push({
        topic,
        partition,
        offset: String(log.length),
        key: m.key,
        value,
        headers: { ...m.headers },
        timestamp: this.clock(),
      });
    }
    this.notify();
  }

  read(tp: TopicPartition, offset: number): IncomingMessage | undefined {
    return this.topics.get(tp.topic)?.[tp.partition]?.[offset];
  }

  endOffset(tp: TopicPartition): number {
    return this.topics.get(tp.topic)?.[tp.partition]?.length ?? 0;
  }

  committedOffset(groupId: string, tp: TopicPartition): number | undefined {
    return this.committed.get(groupId)?.get(key(tp));
  }

  commit(groupId: string, tp: TopicPartition, next: number): void {
    const offsets = this.committed.get(groupId) ?? new Map<string, number>();
    this.committed.set(groupId, offsets.set(key(tp), next));
  }

  join(groupId: string, member: Member): void {
    this.members.set(groupId, [...(this.members.get(groupId) ?? []), member]);
    this.notify();
  }

  leave(groupId: string, member: Member): void {
    this.members.set(
      groupId,
      (this.members.get(groupId) ?? []).filter((m) => m !== member),
    );
    this.notify();
  }

  /** Spreads each topic's partitions round-robin over the members reading it. */
  assignment(groupId: string, member: Member): TopicPartition[] {
    const members = this.members.get(groupId) ?? [];
    return member.topics.flatMap((topic) => {
      const readers = members.filter((m) => m.topics.includes(topic));
      const mine = readers.indexOf(member);
      return Array.from({ length: this.partitionCount(topic) }, (_, partition) => ({
        topic,
        partition,
      })).filter((_, i) => i % readers.length === mine);
    });
  }

  /** A partition is handed over only between messages, never while a member is handling one. */
  tryClaim(groupId: string, tp: TopicPartition): boolean {
    const claimed = this.inFlight.get(groupId) ?? new Set<string>();
    this.inFlight.set(groupId, claimed);
    if (claimed.has(key(tp))) return false;
    claimed.add(key(tp));
    return true;
  }

  release(groupId: string, tp: TopicPartition): void {
    this.inFlight.get(groupId)?.delete(key(tp));
    this.notify();
  }

  /** Resolves on the next append, commit hand-over or membership change. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}

const key = (tp: TopicPartition) => `${tp.topic}\u0000${tp.partition}`;

/** FNV-1a: stable across runs, so a key always lands on the same partition. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}
