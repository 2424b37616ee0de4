import { checkLeaseOptions, Lease, LeaseOptions } from './lease';

/** What several in-memory leases share to compete like instances on one database. */
export type InMemoryLeaseTable = Map<string, { owner: string; expiresAt: number }>;

/** The lease port without a database, for unit tests; same contract suite as MongoLease. */
export class InMemoryLease implements Lease {
  private readonly options: LeaseOptions;

  constructor(
    private readonly table: InMemoryLeaseTable,
    options: LeaseOptions,
  ) {
    this.options = checkLeaseOptions(options);
  }

  async tryAcquire(): Promise<boolean> {
    const { name, owner, ttlMs, clock } = this.options;
    const now = clock.now().getTime();
    const held = this.table.get(name);
    if (held && held.owner !== owner && held.expiresAt > now) return false;
    this.table.set(name, { owner, expiresAt: now + ttlMs });
    return true;
  }

  async release(): Promise<void> {
    if (this.table.get(this.options.name)?.owner === this.options.owner) {
      this.table.delete(this.options.name);
    }
  }
}
