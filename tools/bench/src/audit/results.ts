import type { Progress } from './progress';

export interface IngestionResults {
  readonly events: number;
  /** Events per topic, in publishing order. */
  readonly perTopic: Readonly<Record<string, number>>;
  readonly publishSeconds: number;
  /** The plain kafkajs consumer over the same events. */
  readonly rawConsume: Progress;
  /** The service's INGESTION_BATCH_SIZE (null: its default). */
  readonly ingestBatch: number | null;
  service?: {
    readonly readySeconds: number;
    /** Into audit_pending (the service's own count of new records). */
    readonly stored: Progress;
    /** Into audit_records, hash-chained (the chain head). */
    readonly chained: Progress;
  };
}

export interface QueryKindResult {
  readonly name: string;
  readonly example: string;
  readonly queries: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Average records per answer: 0 would mean the kind measured empty answers. */
  readonly itemsPerPage: number;
}

export interface QueryResults {
  readonly records: number;
  readonly seedSeconds: number;
  readonly seedBatch: number;
  /** `FerretDB 1.24.2`, `MongoDB 7.0.5`, … as the server says. */
  readonly server: string;
  readonly ferretDb: boolean;
  /** From starting the service to its query indexes built (log line "query indexes ready"). */
  indexSeconds?: number;
  kinds: QueryKindResult[];
  overall?: { readonly queries: number; readonly p50Ms: number; readonly p99Ms: number };
  verify?: { readonly status: string; readonly records: number; readonly seconds: number };
}

/** Whatever parts have finished; a failed run reports those and names the failure. */
export interface AuditBenchResults {
  readonly infrastructure: string;
  ingestion?: IngestionResults;
  query?: QueryResults;
}
