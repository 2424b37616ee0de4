import { Clock } from '@extapps/contracts';

/**
 * Exclusive, expiring ownership of a named job (e.g. the outbox relay) among service instances.
 * The holder renews it on every pass; when it stops renewing (crash, pause, network split) another
 * instance may take it over after `ttlMs`.
 *
 * Caveat: a lease is not a fence. A holder that pauses past its expiry (GC, stalled I/O) and then
 * resumes may still finish the pass it had started while another instance already holds the lease.
 * For the relay that means a batch published twice (duplicates, never a loss and never a later
 * version before an earlier one's first publication); consumers dedupe by eventId / streamVersion.
 * Expiry compares clocks of different hosts: keep them in sync (NTP) and `ttlMs` well above skew.
 */
export interface Lease {
  /** Takes the lease, or extends it when this owner holds it; false while another owner holds it. */
  tryAcquire(): Promise<boolean>;
  /** Gives the lease up (if this owner holds it), so another instance need not wait for expiry. */
  release(): Promise<void>;
}

export interface LeaseOptions {
  /** The job, e.g. `registration-outbox`. */
  readonly name: string;
  /** This instance, unique among instances (e.g. host name + pid + random suffix). */
  readonly owner: string;
  /** How long an acquisition or renewal holds; longer than the slowest pass. */
  readonly ttlMs: number;
  readonly clock: Clock;
}

export function checkLeaseOptions(options: LeaseOptions): LeaseOptions {
  if (!options.name || !options.owner) throw new Error('a lease needs a name and an owner');
  if (!Number.isInteger(options.ttlMs) || options.ttlMs <= 0) {
    throw new Error(`lease ttlMs must be a positive integer, got ${options.ttlMs}`);
  }
  return options;
}
