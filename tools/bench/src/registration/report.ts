import { reportFrame } from '../report-frame';
import type { Measured } from './admin-load';
import type { CommandResults } from './commands';
import type { HistoryResults, Latencies } from './long-history';
import type { ReadResult } from './raw-read';
import type { RebuildRun } from './rebuild-run';
import type { SeedResult } from './seed';
import type { BenchSettings } from './settings';

export interface RebuildResults {
  readonly seed: SeedResult;
  readonly raw: ReadResult;
  readonly rebuild: RebuildRun;
}

/** Whatever parts have finished; a failed run reports those and names the failure. */
export interface BenchResults {
  readonly infrastructure: string;
  rebuild?: RebuildResults;
  commands?: CommandResults;
  history?: HistoryResults;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map(
    (row) =>
      '  ' +
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  '),
  );
}

function rebuildLines(r: RebuildResults, settings: BenchSettings): string[] {
  return [
    `Rebuild over ${int(r.rebuild.events)} events (${int(r.rebuild.views)} apps, cursor batch ${settings.readBatch})`,
    ...table([
      ['', 'events', 'seconds', 'events/s'],
      [
        'seed (insertMany)',
        int(r.seed.events),
        r.seed.seconds.toFixed(1),
        int(r.seed.events / r.seed.seconds),
      ],
      ['raw cursor read', int(r.raw.events), r.raw.seconds.toFixed(1), int(r.raw.perSecond)],
      [
        'rebuild (CLI)',
        int(r.rebuild.events),
        r.rebuild.seconds.toFixed(1),
        int(r.rebuild.perSecond),
      ],
    ]),
    `  rebuild / raw read: ${ratio(r.rebuild.perSecond, r.raw.perSecond)} ` +
      `(rebuild process wall time ${r.rebuild.wallSeconds.toFixed(1)} s incl. start-up)`,
  ];
}

function loadRow(label: string, m: Measured | Latencies): string[] {
  const errors = 'errors' in m ? String(m.errors) : '0';
  return [label, int(m.requests), m.perSecond.toFixed(1), ms(m.p50Ms), ms(m.p99Ms), errors];
}

const LOAD_HEADER = ['', 'requests', 'per s', 'p50 ms', 'p99 ms', 'errors'];

function commandLines(c: CommandResults, settings: BenchSettings): string[] {
  return [
    `Commands (concurrency ${settings.concurrency}, ${int(settings.apps)} apps)`,
    ...table([
      LOAD_HEADER,
      loadRow('POST /v1/apps (register)', c.register),
      loadRow('PATCH /v1/apps/{id} (rename)', c.rename),
    ]),
  ];
}

function historyLines(h: HistoryResults, settings: BenchSettings): string[] {
  const long = `app with ${int(h.history)}+ events`;
  return [
    `Long history (SNAPSHOT_EVERY=${settings.snapshotEvery}; one request at a time, in turns)`,
    ...table([
      LOAD_HEADER,
      loadRow('PATCH, apps with 1 event', h.patchFresh),
      loadRow(`PATCH, ${long}`, h.patchLong),
      loadRow('GET, apps with 1 event', h.getFresh),
      loadRow(`GET, ${long}`, h.getLong),
    ]),
    `  PATCH long / fresh: p50 ${ratio(h.patchLong.p50Ms, h.patchFresh.p50Ms)}, ` +
      `p99 ${ratio(h.patchLong.p99Ms, h.patchFresh.p99Ms)} (target: close to 1)`,
  ];
}

/** The final report: one block per finished part. */
export function formatReport(results: BenchResults, settings: BenchSettings): string {
  const blocks = [
    results.rebuild && rebuildLines(results.rebuild, settings),
    results.commands && commandLines(results.commands, settings),
    results.history && historyLines(results.history, settings),
  ];
  return reportFrame(`Registration benchmark: ${results.infrastructure}`, blocks);
}
