import { LoadResult } from '../load';
import { summarize } from './long-history';
import { formatReport } from './report';
import { DEFAULTS } from './settings';

const load = (perSecond: number, p50Ms: number, p99Ms: number): LoadResult => ({
  requests: 100,
  errors: 0,
  seconds: 100 / perSecond,
  perSecond,
  p50Ms,
  p99Ms,
  statuses: { 200: 100 },
});

describe('formatReport', () => {
  it('prints the rebuild rate as a ratio to the raw read of the same run', () => {
    const report = formatReport(
      {
        infrastructure: 'local',
        rebuild: {
          seed: { events: 1000, seconds: 0.5 },
          raw: { events: 1000, seconds: 0.25, perSecond: 4000 },
          rebuild: { events: 1000, views: 100, seconds: 0.5, perSecond: 2000, wallSeconds: 2 },
        },
      },
      DEFAULTS,
    );

    expect(report).toContain('Rebuild over 1,000 events (100 apps, cursor batch 1000)');
    expect(report).toMatch(/raw cursor read\s+1,000\s+0\.3\s+4,000/);
    expect(report).toContain('rebuild / raw read: 0.50');
  });

  it('compares the long-lived app with new ones and reports unfinished parts as missing', () => {
    const report = formatReport(
      {
        infrastructure: 'local',
        history: {
          history: 500,
          patchLong: summarize([30, 10, 20]),
          patchFresh: summarize([10, 20, 10]),
          getLong: summarize([2]),
          getFresh: summarize([2]),
        },
      },
      DEFAULTS,
    );

    expect(report).toMatch(/PATCH, app with 500\+ events\s+3\s+50\.0\s+20\.0\s+30\.0\s+0/);
    expect(report).toContain('PATCH long / fresh: p50 2.00, p99 1.50 (target: close to 1)');
    expect(report).not.toContain('Rebuild');
    expect(report).not.toContain('Commands');
  });

  it('says so when no part finished', () => {
    expect(formatReport({ infrastructure: 'local' }, DEFAULTS)).toContain('(no part finished)');
  });

  it('lists command throughput with its latencies', () => {
    const report = formatReport(
      {
        infrastructure: 'local',
        commands: { register: load(50, 80, 400), rename: load(60, 70, 300) },
      },
      DEFAULTS,
    );

    expect(report).toMatch(/POST \/v1\/apps \(register\)\s+100\s+50\.0\s+80\.0\s+400\.0\s+0/);
    expect(report).toMatch(
      /PATCH \/v1\/apps\/\{id\} \(rename\)\s+100\s+60\.0\s+70\.0\s+300\.0\s+0/,
    );
  });
});
