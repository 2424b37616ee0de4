/*
 * Ingestion alone in a process of its own, for tests that kill it (SIGKILL: no graceful stop, no
 * final commit). Settings from the environment: KAFKA_BROKERS, MONGO_URL, MONGO_DB,
 * INGESTION_GROUP_ID, INGESTION_BATCH_SIZE (optional), HANG_MID_BATCH_AFTER_STORED (optional: the
 * batch that would pass this many stored records is stored half and then hangs, uncommitted, for a
 * kill to find it so). Prints one JSON line per store call: {"stored":n,"duplicates":m} (totals).
 * Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register <this file>
 */
import { KafkaBus } from '@extapps/messaging';
import { connectMongo } from '@extapps/mongo';
import { AuditRecord } from '../../records/audit-record';
import { AUDITED_SOURCES } from '../audited-sources';
import { AuditIngestion } from '../audit-ingestion';
import { IngestionPipeline } from '../ingestion-pipeline';
import { PendingRecordStore } from '../pending-record.store';
import { DEFAULT_INGESTION_BATCH_SIZE } from '../ingestion.settings';
import { silentLogger } from './ingestion-fixture';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

/** audit_pending, printing the totals after each call, and hanging mid-batch when told to. */
function reportingStore(store: PendingRecordStore, hangAfter: number) {
  const totals = { stored: 0, duplicates: 0 };
  const add = async (records: readonly AuditRecord[]) => {
    const hang = totals.stored + records.length > hangAfter;
    const outcome = await store.add(
      hang ? records.slice(0, Math.ceil(records.length / 2)) : records,
    );
    totals.stored += outcome.stored;
    totals.duplicates += outcome.duplicates;
    process.stdout.write(`${JSON.stringify(totals)}\n`);
    // Half a batch stored, and its offsets never committed: what a crash mid-batch leaves.
    return hang ? new Promise<never>(() => undefined) : outcome;
  };
  return { add };
}

async function main(): Promise<void> {
  const db = await connectMongo({ url: env('MONGO_URL'), dbName: env('MONGO_DB') });
  const hangAfter = Number(process.env['HANG_MID_BATCH_AFTER_STORED'] ?? Infinity);
  const store = reportingStore(new PendingRecordStore(db), hangAfter);
  const bus = new KafkaBus({
    brokers: env('KAFKA_BROKERS').split(','),
    clientId: 'ingest-process',
    consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 },
  });
  const pipeline = new IngestionPipeline(AUDITED_SOURCES, store, { now: () => new Date() });
  const batchSize = process.env['INGESTION_BATCH_SIZE'];
  const settings = {
    INGESTION_GROUP_ID: env('INGESTION_GROUP_ID'),
    INGESTION_BATCH_SIZE: batchSize ? Number(batchSize) : DEFAULT_INGESTION_BATCH_SIZE,
  };
  const ingestion = new AuditIngestion(bus, pipeline, settings, silentLogger);
  await ingestion.start();
  process.stdout.write('{"started":true}\n');
  process.on('SIGTERM', () => {
    void ingestion
      .beforeApplicationShutdown()
      .then(() => bus.close())
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
