// `nx run bench:bench-audit`: the audit service's benchmark (issue #6 item 7). Not a test: it
// prints numbers and fails only when a step fails. Settings (BENCH_EVENTS, ...) are read from the
// environment; see settings.ts and tools/bench/README.md.
import { randomBytes } from 'node:crypto';
import { describeInfrastructure, resolveInfrastructure, stopOnTermination } from '@extapps/infra';
import { KafkaBus } from '@extapps/messaging';
import { runBenchmark } from '../report-frame';
import { ingestionPart } from './ingestion-part';
import { KafkaSide } from './kafka-side';
import { queryPart } from './query-part';
import { formatAuditReport } from './report';
import { AuditRun, cleanUpAuditRun, log } from './run';
import { buildAuditService } from './service';
import { loadAuditSettings } from './settings';

async function benchmark(run: AuditRun): Promise<void> {
  if (run.settings.run === 'dist') {
    run.step = 'building the audit service (tools/build/build-service.js audit)';
    log(`[bench] ${run.step}`);
    await buildAuditService();
  }
  if (run.settings.parts.includes('ingestion')) await ingestionPart(run);
  if (run.settings.parts.includes('query')) await queryPart(run);
}

async function main(): Promise<number> {
  const settings = loadAuditSettings(process.env);
  log(`[bench] settings ${JSON.stringify(settings)}`);
  const infra = await resolveInfrastructure({ log });
  const id = randomBytes(4).toString('hex');
  const run: AuditRun = {
    id,
    settings,
    infra,
    bus: new KafkaBus({ brokers: infra.kafkaBrokers, clientId: `bench-audit-${id}` }),
    kafka: new KafkaSide(infra.kafkaBrokers, `bench-audit-side-${id}`),
    results: { infrastructure: describeInfrastructure(infra) },
    servers: [],
    databases: [],
    groups: [],
    step: 'starting',
  };
  const uninstall = stopOnTermination(() => cleanUpAuditRun(run), log);
  try {
    await benchmark(run);
    log(formatAuditReport(run.results, settings));
    return 0;
  } catch (error) {
    log(formatAuditReport(run.results, settings));
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\n[bench] FAILED while ${run.step}: ${message}`);
    return 1;
  } finally {
    uninstall();
    await cleanUpAuditRun(run);
  }
}

runBenchmark(main);
