import { createServer, Server } from 'node:http';
import { LoadClock, runOpenLoad } from './open-load';

/** Time moves only when the pacing sleeps: each sleep is one tick, taken at once. */
function steppingClock(): LoadClock {
  let now = 0;
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('runOpenLoad', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const answer = () => {
        res.statusCode = req.url === '/fail' ? 500 : 200;
        res.end('ok');
      };
      if (req.url === '/slow') setTimeout(answer, 50);
      else answer();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends each request when it is due, whatever the answers', async () => {
    const clock = steppingClock();
    const sentAt: number[] = [];

    const result = await runOpenLoad({
      baseUrl,
      ratePerSecond: 500,
      requests: 10,
      clock,
      next: (n) => {
        sentAt[n] = clock.now();
        return { method: 'GET', path: `/ok/${n}` };
      },
    });

    expect(sentAt).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(result.requests).toBe(10);
    expect(result.maxSendLagMs).toBe(0);
  });

  it('counts every answer by status and the failures as errors', async () => {
    const result = await runOpenLoad({
      baseUrl,
      ratePerSecond: 1000,
      requests: 6,
      clock: steppingClock(),
      next: (n) => ({ method: 'POST', path: n % 3 === 0 ? '/fail' : '/ok', body: '{}' }),
    });

    expect(result.statuses).toEqual({ 200: 4, 500: 2 });
    expect(result.errors).toBe(2);
    expect(result.scheduledP99Ms).toBeGreaterThanOrEqual(result.p99Ms);
  });

  it('given more requests due than may be in flight, then they wait and the lag is reported', async () => {
    const result = await runOpenLoad({
      baseUrl,
      ratePerSecond: 1000,
      requests: 5,
      maxInFlight: 1,
      clock: steppingClock(),
      next: () => ({ method: 'GET', path: '/slow' }),
    });

    // Due at 0..4 ms; the pacing has queued all by 4 ms, long before the first slow answer.
    expect(result.requests).toBe(5);
    expect(result.maxSendLagMs).toBe(3);
  });
});
