import { createServer, Server } from 'node:http';
import { percentile, runLoad } from './load';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('runLoad', () => {
  let server: Server;
  let baseUrl: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.statusCode = req.url === '/fail' ? 500 : 200;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends exactly the requested calls and counts statuses and errors', async () => {
    const result = await runLoad({
      baseUrl,
      concurrency: 4,
      requests: 20,
      next: (n) => ({ method: 'POST', path: n % 5 === 0 ? '/fail' : `/ok/${n}`, body: '{}' }),
    });
    expect(result.requests).toBe(20);
    expect(result.statuses).toEqual({ 200: 16, 500: 4 });
    expect(result.errors).toBe(4);
    expect(seen.filter((s) => s.startsWith('POST /ok/'))).toHaveLength(16);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
  });

  it('hands each answer with its body and latency to onResponse', async () => {
    const answers: string[] = [];
    const result = await runLoad({
      baseUrl,
      concurrency: 2,
      requests: 4,
      next: (n) => ({ method: 'GET', path: n === 3 ? '/fail' : `/ok/${n}` }),
      onResponse: (n, status, body, latencyMs) => {
        expect(latencyMs).toBeGreaterThan(0);
        answers.push(`${n}:${status}:${body}`);
      },
    });

    expect(answers.sort()).toEqual(['0:200:ok', '1:200:ok', '2:200:ok', '3:500:ok']);
    expect(result.transportError).toBeUndefined();
  });

  it('counts an unreachable server as status 0 and keeps the first reason', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));

    const result = await runLoad({
      baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      concurrency: 1,
      requests: 2,
      next: () => ({ method: 'GET', path: '/' }),
    });

    expect(result).toMatchObject({ errors: 2, statuses: { 0: 2 } });
    expect(result.transportError).toContain('ECONNREFUSED');
  });
});
