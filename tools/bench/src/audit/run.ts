import { Infrastructure } from '@extapps/infra';
import { KafkaBus } from '@extapps/messaging';
import { connectMongo } from '@extapps/mongo';
import type { RunningServer } from '../token/servers';
import type { KafkaSide } from './kafka-side';
import type { AuditBenchResults } from './results';
import type { AuditBenchSettings } from './settings';

export const log = (line: string) => console.log(line);

/** One benchmark run: what it started (to stop it) and what it measured so far. */
export interface AuditRun {
  readonly id: string;
  readonly settings: AuditBenchSettings;
  readonly infra: Infrastructure;
  readonly bus: KafkaBus;
  readonly kafka: KafkaSide;
  readonly results: AuditBenchResults;
  readonly servers: RunningServer[];
  /** Every database and consumer group this run made (dropped and deleted at the end). */
  readonly databases: string[];
  readonly groups: string[];
  /** The step under way, named when a failure is reported. */
  step: string;
}

/** Stops what this run started, in order, and reports (but survives) a failing stop. */
export async function cleanUpAuditRun(run: AuditRun): Promise<void> {
  const attempt = async (what: string, action: () => Promise<void>) =>
    action().catch((error: unknown) => log(`[bench] ${what} failed: ${String(error)}`));
  for (const server of run.servers.splice(0)) {
    await attempt(`stopping ${server.name}`, () => server.stop());
  }
  await attempt('deleting the consumer groups', () => run.kafka.deleteGroups(run.groups));
  await attempt('closing the Kafka client', () => run.bus.close());
  if (!run.settings.keepDatabase) {
    for (const database of run.databases) {
      await attempt(`dropping database ${database}`, async () => {
        const connection = await connectMongo({ url: run.infra.mongoUrl, dbName: database });
        await connection.dropDatabase().finally(() => connection.close());
      });
    }
  }
  await attempt('stopping the infrastructure', () => run.infra.stop());
}

/** Stops one server the run started, and forgets it. */
export async function stopServer(run: AuditRun, server: RunningServer): Promise<void> {
  run.servers.splice(run.servers.indexOf(server), 1);
  await server.stop();
}
