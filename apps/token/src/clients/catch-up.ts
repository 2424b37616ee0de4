import { CommittedOffset, EndOffset } from '@extapps/messaging';

/**
 * How far a reader of a topic must get before it may serve: the end offsets the topic had when the
 * reader started. Progress comes from the messages handled; as a message that could not be handled
 * (parked) never reaches the handler, committed offsets are accepted as progress too.
 */
export class CatchUp {
  private readonly behind = new Map<number, bigint>();
  private reached: boolean;

  constructor(targets: readonly EndOffset[]) {
    for (const { partition, offset } of targets) {
      if (BigInt(offset) > 0n) this.behind.set(partition, BigInt(offset));
    }
    this.reached = this.behind.size === 0;
  }

  /** Once true, stays true: what arrives later is news, not backlog. */
  get caughtUp(): boolean {
    return this.reached;
  }

  /** A message at `offset` of `partition` was handled. */
  handled(partition: number, offset: string): void {
    this.advance(partition, BigInt(offset) + 1n);
  }

  /** The reader's group committed these offsets (the next offset to read, per partition). */
  committed(offsets: readonly CommittedOffset[]): void {
    for (const { partition, offset } of offsets) {
      if (offset !== null) this.advance(partition, BigInt(offset));
    }
  }

  private advance(partition: number, next: bigint): void {
    if (this.reached) return;
    const target = this.behind.get(partition);
    if (target !== undefined && next >= target) this.behind.delete(partition);
    this.reached = this.behind.size === 0;
  }
}
