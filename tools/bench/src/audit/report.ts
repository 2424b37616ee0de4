import { reportFrame } from '../report-frame';
import { table } from '../token/report';
import { Progress, steadyRate } from './progress';
import type { AuditBenchResults, IngestionResults, QueryResults } from './results';
import type { AuditBenchSettings } from './settings';

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const sec = (n: number) => n.toFixed(1);
/** Three significant digits: the ratios span orders of magnitude. */
const ratio = (a: number, b: number) =>
  b > 0 && Number.isFinite(a) && Number.isFinite(b) ? (a / b).toPrecision(3) : 'n/a';

const rateLine = (label: string, p: Progress) =>
  `  ${label}: ${int(steadyRate(p))}/s (${int(p.total)} in ${sec(p.lastSeconds - p.firstSeconds)} s ` +
  `after the first ${int(p.firstCount)}, seen ${sec(p.firstSeconds)} s after start)`;

function ingestionLines(r: IngestionResults, s: AuditBenchSettings): string[] {
  const topics = Object.entries(r.perTopic)
    .map(([topic, n]) => `${topic.split('.')[1]} ${int(n)}`)
    .join(', ');
  const raw = steadyRate(r.rawConsume);
  const head = [
    `Ingestion: ${int(r.events)} events (${topics}) published in ${sec(r.publishSeconds)} s`,
    rateLine('plain kafkajs consumer, count only (the ceiling)', r.rawConsume),
  ];
  if (!r.service) return head;
  const { stored, chained } = r.service;
  const batch = r.ingestBatch === null ? 'default' : int(r.ingestBatch);
  return [
    ...head,
    `  audit service (${s.run}, INGESTION_BATCH_SIZE ${batch}), ready after ${sec(r.service.readySeconds)} s, fresh database:`,
    rateLine('stored in audit_pending', stored),
    rateLine('chained in audit_records', chained),
    `  ratio chained / raw consume: ${ratio(steadyRate(chained), raw)} ` +
      `(stored / raw consume: ${ratio(steadyRate(stored), raw)})`,
  ];
}

function queryLines(r: QueryResults, s: AuditBenchSettings): string[] {
  const seedRate = r.seedSeconds > 0 ? r.records / r.seedSeconds : NaN;
  const indexes =
    r.indexSeconds === undefined
      ? ''
      : `; query indexes built ${sec(r.indexSeconds)} s after start`;
  const lines = [
    `Query: ${int(r.records)} chained records seeded straight into audit_records in ` +
      `${sec(r.seedSeconds)} s (${int(seedRate)}/s, insertMany of ${int(r.seedBatch)}) on ${r.server}${indexes}`,
    r.ferretDb
      ? '  CAVEAT: FerretDB 1.x uses no secondary index for these filters: every query scans the collection'
      : '  the query indexes serve these filters (MongoDB); no answer is cached',
    `  GET /v1/audit/records, 50 a page, newest first, one search at a time, up to ` +
      `${int(s.queriesPerKind)} per kind or ${int(s.kindBudgetSeconds)} s (p99 of under 100 is the slowest):`,
  ];
  if (r.kinds.length === 0) return lines;
  const row = (
    k: { name: string; example: string; queries: number; p50Ms: number; p99Ms: number },
    items: string,
  ) => [k.name, k.example, int(k.queries), ms(k.p50Ms), ms(k.p99Ms), items];
  return [
    ...lines,
    ...table([
      ['kind', 'filter', 'queries', 'p50 ms', 'p99 ms', 'items/page'],
      ...r.kinds.map((k) => row(k, k.itemsPerPage.toFixed(1))),
      ...(r.overall ? [row({ name: 'overall', example: '', ...r.overall }, '')] : []),
    ]),
    ...(r.verify
      ? [
          `  verify: ${r.verify.status}, ${int(r.verify.records)} records in ${sec(r.verify.seconds)} s`,
        ]
      : []),
  ];
}

/** The final report: one block per finished part. */
export function formatAuditReport(
  results: AuditBenchResults,
  settings: AuditBenchSettings,
): string {
  return reportFrame(`Audit benchmark: ${results.infrastructure}`, [
    results.ingestion && ingestionLines(results.ingestion, settings),
    results.query && queryLines(results.query, settings),
  ]);
}
