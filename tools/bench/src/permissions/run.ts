import { Infrastructure } from '@extapps/infra';
import { KafkaBus } from '@extapps/messaging';
import { connectMongo } from '@extapps/mongo';
import type { RunningServer } from '../token/servers';
import type { PermissionsBenchResults } from './results';
import type { PermissionsBenchSettings } from './settings';

export const log = (line: string) => console.log(line);

/** One benchmark run: what it started (to stop it) and what it measured so far. */
export interface PermissionsRun {
  readonly id: string;
  readonly settings: PermissionsBenchSettings;
  readonly infra: Infrastructure;
  readonly database: string;
  readonly bus: KafkaBus;
  readonly results: PermissionsBenchResults;
  readonly servers: RunningServer[];
  /** The step under way, named when a failure is reported. */
  step: string;
}

/** Stops what this run started, in order, and reports (but survives) a failing stop. */
export async function cleanUpPermissionsRun(run: PermissionsRun): Promise<void> {
  const attempt = async (what: string, action: () => Promise<void>) =>
    action().catch((error: unknown) => log(`[bench] ${what} failed: ${String(error)}`));
  for (const server of run.servers.splice(0)) {
    await attempt(`stopping ${server.name}`, () => server.stop());
  }
  await attempt('closing the Kafka client', () => run.bus.close());
  if (!run.settings.keepDatabase) {
    await attempt(`dropping database ${run.database}`, async () => {
      const connection = await connectMongo({ url: run.infra.mongoUrl, dbName: run.database });
      await connection.dropDatabase().finally(() => connection.close());
    });
  }
  await attempt('stopping the infrastructure', () => run.infra.stop());
}
