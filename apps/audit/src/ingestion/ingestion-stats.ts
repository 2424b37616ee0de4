/** A message refused as poison: where it was, and why. */
export interface RefusedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly reason: string;
  readonly at: string;
}

export interface IngestionCounters {
  readonly stored: number;
  readonly duplicates: number;
  /** Messages refused as poison (parked on the dead-letter topic). */
  readonly refused: number;
  /** The latest refusals, newest last. */
  readonly recentlyRefused: RefusedMessage[];
}

const RECENT_REFUSALS = 20;

/**
 * What this instance ingested since it started. Lost on restart by design: Kafka keeps the lasting
 * figures (committed offsets, dead-letter topic sizes), which the status endpoint reads as well.
 */
export class IngestionStats {
  private stored = 0;
  private duplicates = 0;
  private refused = 0;
  private readonly recent: RefusedMessage[] = [];

  recordStored(stored: number, duplicates: number): void {
    this.stored += stored;
    this.duplicates += duplicates;
  }

  recordRefused(refusal: RefusedMessage): void {
    this.refused += 1;
    this.recent.push(refusal);
    if (this.recent.length > RECENT_REFUSALS) this.recent.shift();
  }

  snapshot(): IngestionCounters {
    return {
      stored: this.stored,
      duplicates: this.duplicates,
      refused: this.refused,
      recentlyRefused: [...this.recent],
    };
  }
}
