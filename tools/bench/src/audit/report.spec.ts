import { steadyRate } from './progress';
import { formatAuditReport } from './report';
import type { AuditBenchResults } from './results';
import { AUDIT_DEFAULTS } from './settings';

const progress = (total: number, firstSeconds: number, lastSeconds: number, firstCount = 1000) => ({
  total,
  firstSeconds,
  firstCount,
  lastSeconds,
});

const full: AuditBenchResults = {
  infrastructure: '[infra] provider=local',
  ingestion: {
    events: 100_000,
    perTopic: {
      'extapps.registration.events.v1': 25_000,
      'extapps.token.events.v1': 50_000,
      'extapps.permissions.events.v1': 25_000,
    },
    publishSeconds: 4,
    rawConsume: progress(100_000, 3, 4.98),
    ingestBatch: null,
    service: {
      readySeconds: 2.5,
      stored: progress(100_000, 1, 100),
      chained: progress(100_000, 1.2, 199.2),
    },
  },
  query: {
    records: 1_000_000,
    seedSeconds: 400,
    seedBatch: 5000,
    server: 'FerretDB 1.24.2',
    ferretDb: true,
    indexSeconds: 30,
    kinds: [
      {
        name: 'actor',
        example: 'actor=<admin>',
        queries: 30,
        p50Ms: 800,
        p99Ms: 1200,
        itemsPerPage: 50,
      },
    ],
    overall: { queries: 30, p50Ms: 800, p99Ms: 1200 },
    verify: { status: 'intact', records: 1_000_000, seconds: 90 },
  },
};

describe('formatAuditReport', () => {
  it('prints both rates of ingestion and their ratio to the raw consume rate', () => {
    const report = formatAuditReport(full, AUDIT_DEFAULTS);

    expect(report).toContain('registration 25,000, token 50,000, permissions 25,000');
    expect(report).toContain('the ceiling): 50,000/s (100,000 in 2.0 s after the first 1,000');
    expect(report).toContain('chained in audit_records: 500/s');
    expect(report).toContain('ratio chained / raw consume: 0.0100 (stored / raw consume: 0.0200)');
  });

  it('prints the seeding, the FerretDB caveat and p50/p99 per kind and overall', () => {
    const report = formatAuditReport(full, AUDIT_DEFAULTS);

    expect(report).toContain(
      '1,000,000 chained records seeded straight into audit_records in 400.0 s (2,500/s',
    );
    expect(report).toContain('every query scans the collection');
    expect(report).toMatch(/actor\s+actor=<admin>\s+30\s+800\.0\s+1200\.0\s+50\.0/);
    expect(report).toMatch(/overall\s+30\s+800\.0\s+1200\.0/);
    expect(report).toContain('verify: intact, 1,000,000 records in 90.0 s');
  });

  it('given a failed run, prints the parts that finished', () => {
    const report = formatAuditReport(
      { infrastructure: 'x', ingestion: { ...full.ingestion!, service: undefined } },
      AUDIT_DEFAULTS,
    );

    expect(report).toContain('the ceiling');
    expect(report).not.toContain('Query:');
  });
});

describe('steadyRate', () => {
  it('counts from the first sighting, and is NaN when all came at once', () => {
    expect(steadyRate(progress(11_000, 2, 4))).toBe(5000);
    expect(steadyRate(progress(1000, 2, 2))).toBeNaN();
  });
});
