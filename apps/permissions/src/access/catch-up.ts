import { CommittedOffset, EndOffset } from '@extapps/messaging';

/**
 * How far a reader of several topics must get before it may serve: every partition's end offset
 * as of the reader's start. Progress comes from the messages handled (skipped ones included); a
 * parked message never reaches the handler, so committed offsets count as progress too.
 */
export class CatchUp {
  /** `topic\0partition` → the offset to reach. */
  private readonly behind = new Map<string, bigint>();
  private reached: boolean;

  constructor(targets: ReadonlyMap<string, readonly EndOffset[]>) {
    for (const [topic, ends] of targets) {
      for (const { partition, offset } of ends) {
        if (BigInt(offset) > 0n) this.behind.set(key(topic, partition), BigInt(offset));
      }
    }
    this.reached = this.behind.size === 0;
  }

  /** Once true, stays true: what arrives later is news, not backlog. */
  get caughtUp(): boolean {
    return this.reached;
  }

  /** Topics with a partition not reached yet. */
  get lagging(): string[] {
    return [...new Set([...this.behind.keys()].map((k) => k.split('\0')[0] ?? k))];
  }

  handled(topic: string, partition: number, offset: string): void {
    if (this.reached) return;
    this.advance(topic, partition, BigInt(offset) + 1n);
  }

  /** The reader's group committed these offsets of `topic` (the next offset to read). */
  committed(topic: string, offsets: readonly CommittedOffset[]): void {
    for (const { partition, offset } of offsets) {
      if (offset !== null) this.advance(topic, partition, BigInt(offset));
    }
  }

  private advance(topic: string, partition: number, next: bigint): void {
    if (this.reached) return;
    const at = key(topic, partition);
    const target = this.behind.get(at);
    if (target !== undefined && next >= target) this.behind.delete(at);
    this.reached = this.behind.size === 0;
  }
}

const key = (topic: string, partition: number) => `${topic}\0${partition}`;
