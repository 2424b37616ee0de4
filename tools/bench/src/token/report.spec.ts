import { formatTokenReport } from './report';
import { TokenBenchResults } from './results';
import { propagationStats } from './revocation';
import { TOKEN_DEFAULTS } from './settings';
import { GrantStats } from './throughput';

const settings = { ...TOKEN_DEFAULTS, apps: 1000, durationSeconds: 5, rounds: 1 };
const stats = (perSecond: number, p50Ms: number, p99Ms: number): GrantStats => ({
  requests: perSecond * 5,
  seconds: 5,
  perSecond,
  p50Ms,
  p99Ms,
  rounds: 1,
});
const es256 = { alg: 'ES256', typ: 'at+jwt', kid: 'k1' };

function results(overrides: Partial<TokenBenchResults> = {}): TokenBenchResults {
  return {
    infrastructure: '[infra] provider=local',
    setup: { apps: 1000, publishSeconds: 2, readySeconds: 20 },
    throughput: {
      peerVersion: '9.13.3',
      ourToken: es256,
      peerToken: es256,
      ours: stats(3000, 8, 20),
      peer: stats(1500, 16, 40),
      issued: 15_001,
      onTopic: 15_001,
    },
    memory: {
      afterSettle: { rssMb: 140, peakMb: 150 },
      afterLoad: { rssMb: 180, peakMb: 200 },
      peerAfterLoad: { rssMb: 90, peakMb: 95 },
    },
    revocation: {
      how: 'DELETE on the registration service',
      samples: [
        { instance: 'token-a', ms: 10 },
        { instance: 'token-b', ms: 30 },
      ],
    },
    ...overrides,
  };
}

describe('formatTokenReport', () => {
  it('prints both servers, the ratio against its target and the events that reached Kafka', () => {
    const report = formatTokenReport(results(), settings);

    expect(report).toMatch(/token service \(this\)\s+15,000\s+5\.0\s+3,000\s+8\.0\s+20\.0/);
    expect(report).toMatch(/node-oidc-provider 9\.13\.3\s+7,500\s+5\.0\s+1,500\s+16\.0\s+40\.0/);
    expect(report).toContain('ratio this / peer: 2.00 grants/s (target >= 1.5: MET)');
    expect(report).toContain('15,001 of the 15,001 tokens');
    expect(report).toContain('ours: ES256 typ=at+jwt kid=k1');
  });

  it('says when the ratio misses its target', () => {
    const slow = results();
    const throughput = slow.throughput && { ...slow.throughput, ours: stats(1500, 8, 20) };

    expect(formatTokenReport({ ...slow, throughput }, settings)).toContain(
      'ratio this / peer: 1.00 grants/s (target >= 1.5: MISSED)',
    );
  });

  it('judges memory by the highest resident size against the 250 MB ceiling', () => {
    expect(formatTokenReport(results(), settings)).toContain(
      'ceiling 250 MB resident: MET (highest VmRSS 180.0 MB)',
    );
    const over = { afterSettle: { rssMb: 251, peakMb: 260 } };
    expect(formatTokenReport(results({ memory: over }), settings)).toContain(
      'ceiling 250 MB resident: MISSED (highest VmRSS 251.0 MB)',
    );
  });

  it('prints propagation per instance and over all, against the 250 ms p99 target', () => {
    const report = formatTokenReport(results(), settings);

    expect(report).toMatch(/token-a\s+1\s+10\.0\s+10\.0\s+10\.0/);
    expect(report).toMatch(/all instances\s+2\s+10\.0\s+30\.0\s+30\.0/);
    expect(report).toContain('revoked by DELETE on the registration service');
    expect(report).toContain('target p99 <= 250 ms: MET');
  });

  it('reports the parts that finished when a run failed early', () => {
    const report = formatTokenReport({ infrastructure: '[infra] x' }, settings);

    expect(report).toContain('(no part finished)');
  });
});

describe('propagationStats', () => {
  it('takes nearest-rank percentiles over the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => ({ instance: 'a', ms: i + 1 }));

    expect(propagationStats(samples)).toEqual({ samples: 100, p50Ms: 50, p99Ms: 99, maxMs: 100 });
  });
});
