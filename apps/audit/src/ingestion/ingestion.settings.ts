import { intSetting, Parsed, setting } from '@extapps/platform';

// Kafka's own rule, and the group id becomes part of the dead-letter topic names.
const GROUP_ID = /^[a-zA-Z0-9._-]{1,150}$/;

function parseGroupId(raw: string): Parsed<string> {
  return GROUP_ID.test(raw)
    ? { ok: true, value: raw }
    : {
        ok: false,
        reason: `expected 1-150 letters, digits, ".", "_" or "-", got ${JSON.stringify(raw)}`,
      };
}

export const DEFAULT_INGESTION_GROUP_ID = 'audit.ingestion';
export const DEFAULT_INGESTION_BATCH_SIZE = 1_000;

export const ingestionSettings = {
  /**
   * The Kafka consumer group reading every service's events. Its committed offsets are the
   * ingestion progress: changing it re-reads every topic from the beginning (duplicates add
   * nothing). Parked messages go to `dlq.<group>.<topic>`.
   */
  INGESTION_GROUP_ID: setting(parseGroupId, DEFAULT_INGESTION_GROUP_ID),
  /**
   * Most events stored per insert (one `insertMany` into audit_pending, then one Kafka commit). A
   * batch holds at most what one fetch brought from one partition, so under a trickle it is small.
   */
  INGESTION_BATCH_SIZE: intSetting(1, 10_000, DEFAULT_INGESTION_BATCH_SIZE),
};

export interface IngestionSettings {
  readonly INGESTION_GROUP_ID: string;
  readonly INGESTION_BATCH_SIZE: number;
}
