/** A small seeded generator (mulberry32): the same seed gives the same world. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Between `min` and `max` distinct items, in their original order. */
  subset<T>(items: readonly T[], min: number, max: number): T[] {
    const size = Math.min(items.length, min + this.int(max - min + 1));
    const chosen = new Set<number>();
    while (chosen.size < size) chosen.add(this.int(items.length));
    return items.filter((_, i) => chosen.has(i));
  }
}
