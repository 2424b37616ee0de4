// `nx run bench:bench-permissions`: the permissions service's benchmark (issue #5 item 5). Not a
// test: it prints numbers and fails only when a step fails. Settings (BENCH_FOLDERS, ...) are
// read from the environment; see settings.ts and tools/bench/README.md.
import { randomBytes } from 'node:crypto';
import { describeInfrastructure, resolveInfrastructure, stopOnTermination } from '@extapps/infra';
import { KafkaBus } from '@extapps/messaging';
import { runBenchmark } from '../report-frame';
import { httpPart } from './http-part';
import { measureInProcess } from './in-process';
import { formatPermissionsReport } from './report';
import { cleanUpPermissionsRun, log, PermissionsRun } from './run';
import { buildSeed, Seed } from './seed';
import { loadPermissionsSettings } from './settings';

async function benchmark(run: PermissionsRun): Promise<void> {
  const { settings, results } = run;
  run.step = 'building the seed';
  const seed: Seed = buildSeed(settings);
  results.seed = {
    tenants: settings.tenants,
    folders: settings.folders,
    maxDepth: seed.maxDepth,
    roles: settings.tenants * settings.customRolesPerTenant,
    apps: settings.apps,
    assignments: settings.assignments,
  };
  if (settings.parts.includes('in-process')) {
    run.step = 'measuring checks in-process';
    log(`[index] ${run.step}`);
    results.inProcess = await measureInProcess(seed, settings.inProcessChecks, log);
  }
  if (settings.parts.includes('http')) await httpPart(run, seed);
}

async function main(): Promise<number> {
  const settings = loadPermissionsSettings(process.env);
  log(`[bench] settings ${JSON.stringify(settings)}`);
  const infra = await resolveInfrastructure({ log });
  const id = randomBytes(4).toString('hex');
  const run: PermissionsRun = {
    id,
    settings,
    infra,
    database: `bench_permissions_${id}`,
    bus: new KafkaBus({ brokers: infra.kafkaBrokers, clientId: `bench-permissions-${id}` }),
    results: { infrastructure: describeInfrastructure(infra) },
    servers: [],
    step: 'starting',
  };
  const uninstall = stopOnTermination(() => cleanUpPermissionsRun(run), log);
  try {
    await benchmark(run);
    log(formatPermissionsReport(run.results, settings));
    return 0;
  } catch (error) {
    log(formatPermissionsReport(run.results, settings));
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\n[bench] FAILED while ${run.step}: ${message}`);
    return 1;
  } finally {
    uninstall();
    await cleanUpPermissionsRun(run);
  }
}

runBenchmark(main);
