/**
 * A map whose entries expire, holding at most `maxEntries`. Entries are kept in the order they
 * were (re)set, which is also the order of their expiry as long as every entry of one map lives
 * equally long: expired ones are dropped from the front as new ones arrive, and when the map is
 * full the oldest goes first, so memory stays bounded whatever keys an attacker invents.
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly expiresAt: number }>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1)
      throw new Error(`ExpiringMap: maxEntries must be a positive integer, got ${maxEntries}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The live value, or undefined once it expired (it is dropped then). */
  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Sets the value and moves the key to the back, as the newest entry. */
  set(key: string, value: V, expiresAt: number, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    for (const [oldest, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
