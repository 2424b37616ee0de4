import { setTimeout as delay } from 'node:timers/promises';
import {
  EventRegistry,
  permissionsEvents,
  registrationEvents,
  tokenEvents,
} from '@extapps/contracts';
import { EventPublisher } from '@extapps/messaging';
import { connectMongo } from '@extapps/mongo';
import { Connection } from 'mongoose';
import { eventMix, EventMix, MIX_TOPICS } from './event-mix';
import { ProgressWatch } from './progress';
import { rawConsume } from './raw-consume';
import { log, AuditRun, stopServer } from './run';
import { RunningAudit, startAuditService } from './service';

/** The service creates missing audited topics with 3 partitions; so does the bench, first. */
const PARTITIONS = 3;
const POLL_MS = 200;

/**
 * Publishes the events, reads them with a plain consumer (the ceiling), then starts the audit
 * service on a fresh database with a group starting at this run's first event, and watches its
 * stored count and chain head until every event is chained.
 */
export async function ingestionPart(run: AuditRun): Promise<void> {
  const { settings } = run;
  run.step = `making ${settings.events} events`;
  const mix = eventMix(settings.events, settings.apps);
  await run.bus.ensureTopics(MIX_TOPICS.map((topic) => ({ topic, partitions: PARTITIONS })));
  const starts = await run.kafka.ends(MIX_TOPICS);
  run.step = `publishing ${settings.events} events`;
  const publishSeconds = await publish(run, mix);
  log(`[ingestion] ${settings.events} events published in ${publishSeconds.toFixed(1)} s`);
  const ends = await run.kafka.ends(MIX_TOPICS);
  run.step = 'reading them with a plain kafkajs consumer (the ceiling)';
  log(`[ingestion] ${run.step}`);
  const timeoutMs = settings.ingestTimeoutSeconds * 1000;
  const rawGroup = `bench-audit-raw-${run.id}`;
  const raw = await rawConsume(run.kafka, rawGroup, starts, ends, timeoutMs);
  const perTopic = Object.fromEntries(MIX_TOPICS.map((t) => [t, mix[t]?.length ?? 0]));
  run.results.ingestion = {
    events: settings.events,
    perTopic,
    publishSeconds,
    rawConsume: raw,
    ingestBatch: settings.ingestBatch > 0 ? settings.ingestBatch : null,
  };
  const groupId = `bench-audit-${run.id}`;
  run.groups.push(groupId);
  await run.kafka.startGroupAt(groupId, starts);
  const database = `bench_audit_ingest_${run.id}`;
  run.databases.push(database);
  const db = await connectMongo({ url: run.infra.mongoUrl, dbName: database });
  try {
    await ingest(run, groupId, database, db);
  } finally {
    await db.close();
  }
}

async function publish(run: AuditRun, mix: EventMix): Promise<number> {
  const registry = new EventRegistry([...registrationEvents, ...tokenEvents, ...permissionsEvents]);
  const publisher = new EventPublisher(run.bus.producer, registry);
  const started = process.hrtime.bigint();
  for (const topic of MIX_TOPICS) {
    const events = mix[topic] ?? [];
    for (let from = 0; from < events.length; from += run.settings.publishBatch) {
      await publisher.publish(topic, events.slice(from, from + run.settings.publishBatch));
    }
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function ingest(run: AuditRun, groupId: string, database: string, db: Connection) {
  const { settings } = run;
  const chained = new ProgressWatch(settings.events);
  run.step = 'starting the audit service';
  const service = await startAuditService({
    infra: run.infra,
    database,
    groupId,
    ingestBatch: settings.ingestBatch,
    mode: settings.run,
    nodeArgs: settings.nodeArgs,
    readyTimeoutMs: settings.readyTimeoutSeconds * 1000,
    log,
  });
  run.servers.push(service);
  log(`[ingestion] audit service ready after ${service.readySeconds.toFixed(1)} s`);
  const stored = new ProgressWatch(settings.events);
  run.step = `ingesting and chaining ${settings.events} events`;
  const deadline = Date.now() + settings.ingestTimeoutSeconds * 1000;
  for (let polls = 0; !chained.saw(await chainHead(db)); polls++) {
    service.assertAlive();
    // The status asks Kafka too: every fifth poll is enough for the stored count.
    if (polls % 5 === 0) stored.saw(await storedCount(service));
    if (Date.now() > deadline)
      throw new Error(`not all chained after ${settings.ingestTimeoutSeconds} s`);
    await delay(POLL_MS);
  }
  stored.saw(await storedCount(service));
  const [storedProgress, chainedProgress] = [stored.result(), chained.result()];
  if (!storedProgress || !chainedProgress) throw new Error('ingestion progress was not seen');
  if (run.results.ingestion) {
    run.results.ingestion.service = {
      readySeconds: service.readySeconds,
      stored: storedProgress,
      chained: chainedProgress,
    };
  }
  await stopServer(run, service);
}

/** The chainer's `head` hint: the seq of the last record it chained (a lookup by `_id`). */
async function chainHead(db: Connection): Promise<number> {
  const head = await db.collection('audit_chain').findOne({ _id: 'head' } as object);
  return typeof head?.['seq'] === 'number' ? head['seq'] : 0;
}

interface IngestionStatus {
  readonly sinceStart: {
    readonly stored: number;
    readonly refused: number;
    readonly recentlyRefused: readonly { readonly reason: string }[];
  };
}

/** New records stored since the service started; fails on any refusal (a generator bug). */
async function storedCount(service: RunningAudit): Promise<number> {
  const response = await fetch(`${service.baseUrl}/v1/audit/ingestion`, {
    headers: { authorization: service.authorization },
  });
  if (!response.ok) throw new Error(`GET /v1/audit/ingestion: HTTP ${response.status}`);
  const { sinceStart } = (await response.json()) as IngestionStatus;
  if (sinceStart.refused > 0) {
    const reasons = sinceStart.recentlyRefused.map((r) => r.reason).join('; ');
    throw new Error(`the service refused ${sinceStart.refused} events: ${reasons}`);
  }
  return sinceStart.stored;
}
