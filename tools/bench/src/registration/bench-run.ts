import { Infrastructure } from '@extapps/infra';
import { connectMongo } from '@extapps/mongo';
import type { BenchResults } from './report';
import { RunningRegistration, startRegistration } from './service-process';
import type { BenchSettings } from './settings';

export const log = (line: string) => console.log(line);

/** One benchmark run: what it started (to stop it) and what it measured so far. */
export interface Run {
  readonly id: string;
  readonly settings: BenchSettings;
  readonly infra: Infrastructure;
  readonly databases: string[];
  readonly results: BenchResults;
  /** The step under way, named when a failure is reported. */
  step: string;
  service?: RunningRegistration;
}

/**
 * Each part gets a service on a database of its own: on FerretDB every event-store query scans
 * the whole collection, so one part's events would slow the next one down.
 */
export async function startService(run: Run, part: string): Promise<RunningRegistration> {
  run.step = `starting the registration service (${part})`;
  const database = `bench_${run.id}_${part}`;
  run.databases.push(database);
  log(`[service] starting apps/registration/src/main.ts on database ${database}`);
  run.service = await startRegistration({
    infra: run.infra,
    database,
    snapshotEvery: run.settings.snapshotEvery,
    log,
  });
  log(`[service] ready at ${run.service.baseUrl}`);
  return run.service;
}

export async function stopService(run: Run): Promise<void> {
  const service = run.service;
  run.service = undefined;
  await service?.stop();
}

/** Stops what this run started, in order, and reports (but survives) a failing stop. */
export async function cleanUp(run: Run): Promise<void> {
  const attempt = async (what: string, action: () => Promise<void>) =>
    action().catch((error: unknown) => log(`[bench] ${what} failed: ${String(error)}`));
  if (run.service)
    await attempt('stopping the service', () => (run.service as RunningRegistration).stop());
  if (!run.settings.keepDatabases) {
    await attempt('dropping the benchmark databases', () => dropDatabases(run));
  }
  await attempt('stopping the infrastructure', () => run.infra.stop());
}

async function dropDatabases(run: Run): Promise<void> {
  for (const database of run.databases) {
    const connection = await connectMongo({ url: run.infra.mongoUrl, dbName: database });
    await connection.dropDatabase().finally(() => connection.close());
  }
}
