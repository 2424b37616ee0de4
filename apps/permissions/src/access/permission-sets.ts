/** A role's permissions: shared by every role with the same names, tested by bit. */
export class PermissionSet {
  constructor(
    /** Sorted, unique. */
    readonly names: readonly string[],
    private readonly bits: Uint32Array,
  ) {}

  has(permissionId: number): boolean {
    const word = permissionId >>> 5;
    return word < this.bits.length && (this.bits[word] & (1 << (permissionId & 31))) !== 0;
  }
}

/**
 * Numbers every permission name and keeps one PermissionSet per distinct list of names. Roles of
 * many tenants mostly repeat a few lists (the built-ins, copies of them), so a check tests one bit
 * of a shared set instead of searching a role's own array of strings. Caveat: sets of lists no
 * role holds any longer are kept; they are few (one per distinct role change) and small.
 */
export class PermissionInterner {
  private readonly ids = new Map<string, number>();
  private readonly sets = new Map<string, PermissionSet>();
  /** Catalog permissions are numbered first: 0 .. catalogSize - 1. */
  private readonly catalogSize: number;

  /** `catalog`: the permissions a check may ask about; any other is an unknown permission. */
  constructor(catalog: Iterable<string>) {
    for (const name of catalog) this.intern(name);
    this.catalogSize = this.ids.size;
  }

  /** The number of a catalog permission; undefined for a name the catalog does not hold. */
  catalogId(name: string): number | undefined {
    const id = this.ids.get(name);
    return id !== undefined && id < this.catalogSize ? id : undefined;
  }

  inCatalog(name: string): boolean {
    return this.catalogId(name) !== undefined;
  }

  setOf(names: readonly string[]): PermissionSet {
    const sorted = [...new Set(names)].sort();
    const key = sorted.join('\n');
    const known = this.sets.get(key);
    if (known) return known;
    const ids = sorted.map((name) => this.intern(name));
    const bits = new Uint32Array(ids.length === 0 ? 0 : (Math.max(...ids) >>> 5) + 1);
    for (const id of ids) bits[id >>> 5] |= 1 << (id & 31);
    const set = new PermissionSet(Object.freeze(sorted), bits);
    this.sets.set(key, set);
    return set;
  }

  private intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(name, id);
    }
    return id;
  }
}
