import { connectMongo } from '@extapps/mongo';
import { waitUntil } from '@extapps/infra';
import { Connection } from 'mongoose';
import { percentile } from '../load';
import { seedChain } from './chain-seed';
import { MIX_TOPICS } from './event-mix';
import { QueryLoad } from './query-load';
import { queryKinds } from './queries';
import { log, AuditRun, stopServer } from './run';
import { RunningAudit, startAuditService } from './service';

const SPAN_DAYS = 90;
const INDEXES_READY = '"msg":"query indexes ready"';

/**
 * Seeds chained records straight into a fresh database, starts the service on it (its ingestion
 * group starting at the topics' ends, so it ingests nothing meanwhile), waits for its query
 * indexes, then asks each kind of search over HTTP.
 */
export async function queryPart(run: AuditRun): Promise<void> {
  const { settings } = run;
  const database = `bench_audit_query_${run.id}`;
  run.databases.push(database);
  const db = await connectMongo({ url: run.infra.mongoUrl, dbName: database });
  try {
    run.step = `seeding ${settings.records} chained records`;
    log(`[query] ${run.step}`);
    const start = new Date(Date.now() - SPAN_DAYS * 86_400_000);
    const shape = { records: settings.records, apps: settings.apps, start, spanDays: SPAN_DAYS };
    const seed = await seedChain(db, shape, settings.seedBatch, log);
    log(`[query] seeded in ${seed.seconds.toFixed(1)} s`);
    const server = await serverName(db);
    run.results.query = {
      records: seed.records,
      seedSeconds: seed.seconds,
      seedBatch: settings.seedBatch,
      server,
      ferretDb: /ferretdb/i.test(server),
      kinds: [],
    };
    const service = await startQueryService(run, database);
    await measure(run, service, seed);
    if (settings.verify) await verify(run, service);
    await stopServer(run, service);
  } finally {
    await db.close();
  }
}

async function startQueryService(run: AuditRun, database: string): Promise<RunningAudit> {
  const { settings } = run;
  const groupId = `bench-audit-query-${run.id}`;
  run.groups.push(groupId);
  await run.kafka.startGroupAt(groupId, await run.kafka.ends(MIX_TOPICS));
  run.step = 'starting the audit service and waiting for its query indexes';
  log(`[query] ${run.step}`);
  let indexesReady = false;
  const started = process.hrtime.bigint();
  const service = await startAuditService({
    infra: run.infra,
    database,
    groupId,
    ingestBatch: 0,
    mode: settings.run,
    nodeArgs: settings.nodeArgs,
    readyTimeoutMs: settings.readyTimeoutSeconds * 1000,
    log,
    onLine: (line) => (indexesReady ||= line.includes(INDEXES_READY)),
  });
  run.servers.push(service);
  await waitUntil(async () => (service.assertAlive(), indexesReady), {
    timeoutMs: settings.readyTimeoutSeconds * 1000,
    intervalMs: 200,
    describe: () => 'the query indexes were not built',
  });
  const indexSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.results.query) run.results.query.indexSeconds = indexSeconds;
  log(`[query] service ready, query indexes built after ${indexSeconds.toFixed(1)} s`);
  return service;
}

async function measure(
  run: AuditRun,
  service: RunningAudit,
  seed: { apps: readonly string[]; start: Date; end: Date },
) {
  const results = run.results.query;
  if (!results) return;
  const { settings } = run;
  const load = new QueryLoad(service);
  const all: number[] = [];
  const kinds = queryKinds(seed);
  try {
    run.step = `warming up with ${settings.warmupQueries} unmeasured search(es)`;
    for (let i = 0; i < settings.warmupQueries; i++) await load.ask({});
    for (const kind of kinds) {
      run.step = `measuring "${kind.name}" searches`;
      log(`[query] ${run.step}`);
      const result = await load.measure(kind, settings, all);
      log(`[query]   ${result.queries} searches, p50 ${result.p50Ms.toFixed(1)} ms`);
      results.kinds.push(result);
    }
  } finally {
    load.close();
  }
  all.sort((a, b) => a - b);
  const overall = {
    queries: all.length,
    p50Ms: percentile(all, 0.5),
    p99Ms: percentile(all, 0.99),
  };
  results.overall = overall;
}

async function verify(run: AuditRun, service: RunningAudit): Promise<void> {
  run.step = 'verifying the seeded chain (GET /v1/audit/verify)';
  log(`[query] ${run.step}`);
  const started = process.hrtime.bigint();
  const response = await fetch(`${service.baseUrl}/v1/audit/verify`, {
    headers: { authorization: service.authorization },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const body = (await response.json()) as { status?: string; records?: number };
  if (!response.ok) throw new Error(`verify answered HTTP ${response.status}`);
  if (run.results.query) {
    run.results.query.verify = {
      status: String(body.status),
      records: Number(body.records),
      seconds,
    };
  }
  if (body.status !== 'intact') throw new Error(`the seeded chain is ${JSON.stringify(body)}`);
}

/** The server's own name and version: FerretDB answers buildInfo with its own version too. */
async function serverName(db: Connection): Promise<string> {
  const info = await db.db?.admin().command({ buildInfo: 1 });
  const ferret = info?.['ferretdbVersion'];
  if (ferret === undefined) return `MongoDB ${String(info?.['version'])}`;
  return ferret === 'unknown'
    ? 'FerretDB (its version not reported)'
    : `FerretDB ${String(ferret)}`;
}
