/*
 * Ingestion alone in a process of its own, for tests that kill it (SIGKILL: no graceful stop, no
 * final commit). Settings from the environment: KAFKA_BROKERS, MONGO_URL, MONGO_DB,
 * INGESTION_GROUP_ID. Prints one JSON line per store call: {"stored":n,"duplicates":m} (totals).
 * Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register <this file>
 */
import { KafkaBus } from '@extapps/messaging';
import { connectMongo } from '@extapps/mongo';
import { AuditRecord } from '../../records/audit-record';
import { AUDITED_SOURCES } from '../audited-sources';
import { AuditIngestion } from '../audit-ingestion';
import { IngestionPipeline } from '../ingestion-pipeline';
import { PendingRecordStore } from '../pending-record.store';
import { silentLogger } from './ingestion-fixture';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main(): Promise<void> {
  const db = await connectMongo({ url: env('MONGO_URL'), dbName: env('MONGO_DB') });
  const store = new PendingRecordStore(db);
  const totals = { stored: 0, duplicates: 0 };
  const reporting = {
    add: async (records: readonly AuditRecord[]) => {
      const outcome = await store.add(records);
      totals.stored += outcome.stored;
      totals.duplicates += outcome.duplicates;
      process.stdout.write(`${JSON.stringify(totals)}\n`);
      return outcome;
    },
  };
  const bus = new KafkaBus({
    brokers: env('KAFKA_BROKERS').split(','),
    clientId: 'ingest-process',
    consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 },
  });
  const pipeline = new IngestionPipeline(AUDITED_SOURCES, reporting, { now: () => new Date() });
  const settings = { INGESTION_GROUP_ID: env('INGESTION_GROUP_ID') };
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
