import { Infrastructure } from '@extapps/infra';
import { KafkaBus } from '@extapps/messaging';
import { connectMongo } from '@extapps/mongo';
import type { TokenBenchResults } from './results';
import type { RunningServer } from './servers';
import type { TokenBenchSettings } from './settings';

export const log = (line: string) => console.log(line);

/** One benchmark run: what it started (to stop it) and what it measured so far. */
export interface TokenRun {
  readonly id: string;
  readonly settings: TokenBenchSettings;
  readonly infra: Infrastructure;
  /** The token service's database, shared by its instances. */
  readonly database: string;
  /** Every database this run created (dropped at the end). */
  readonly databases: string[];
  readonly bus: KafkaBus;
  readonly results: TokenBenchResults;
  readonly servers: RunningServer[];
  /** The step under way, named when a failure is reported. */
  step: string;
}

/** Stops what this run started, in order, and reports (but survives) a failing stop. */
export async function cleanUpTokenRun(run: TokenRun): Promise<void> {
  const attempt = async (what: string, action: () => Promise<void>) =>
    action().catch((error: unknown) => log(`[bench] ${what} failed: ${String(error)}`));
  for (const server of run.servers.splice(0)) {
    await attempt(`stopping ${server.name}`, () => server.stop());
  }
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
