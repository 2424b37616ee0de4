import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { GrantTarget } from './grant-target';
import { compareThroughput, GrantLoad } from './throughput';

/** A token endpoint stand-in: answers with `status`, and remembers who asked. */
async function stubServer(status: () => number): Promise<{ server: Server; target: GrantTarget }> {
  const server = createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      res.writeHead(status(), { 'content-type': 'application/json' });
      res.end('{"error":"invalid_client"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const target: GrantTarget = {
    name: 'stub',
    baseUrl,
    issuer: baseUrl,
    tokenPath: '/token',
    jwksUri: `${baseUrl}/jwks`,
    resource: 'r',
    clients: [{ clientId: 'app', secretId: 's', secret: 'x' }],
  };
  return { server, target };
}

describe('GrantLoad', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  it('counts every token granted, warm-up included, and reports only the measured runs', async () => {
    const { server, target } = await stubServer(() => 200);
    servers.push(server);
    const load = new GrantLoad(target, 4);

    await load.warmUp(0.2);
    const warmed = load.issued;
    await load.measure(0.2);
    await load.measure(0.2);

    const stats = load.stats();
    expect(warmed).toBeGreaterThan(0);
    expect(load.issued).toBe(warmed + stats.requests);
    expect(stats.rounds).toBe(2);
    expect(stats.perSecond).toBeCloseTo(stats.requests / stats.seconds);
    expect(stats.p99Ms).toBeGreaterThanOrEqual(stats.p50Ms);
  });

  it('fails the run on a refused grant, naming the status and the answer', async () => {
    let n = 0;
    const { server, target } = await stubServer(() => (++n === 5 ? 401 : 200));
    servers.push(server);
    const load = new GrantLoad(target, 2);

    await expect(load.warmUp(0.2)).rejects.toThrow(
      /stub: 1 of \d+ token requests failed .*"401":1.*HTTP 401 \{"error":"invalid_client"\}/,
    );
  });

  it('refuses to measure before a warm-up has given it a rate', async () => {
    const { server, target } = await stubServer(() => 200);
    servers.push(server);

    await expect(new GrantLoad(target, 2).measure(1)).rejects.toThrow('measured before warming up');
  });
});

describe('compareThroughput', () => {
  it('warms both servers up, then measures them in alternating order', async () => {
    const calls: string[] = [];
    const fake = (name: string) => {
      const load = new GrantLoad({ name } as GrantTarget, 1);
      load.warmUp = async () => void calls.push(`warm ${name}`);
      load.measure = async () => void calls.push(`measure ${name}`);
      return load;
    };

    await compareThroughput(
      [fake('a'), fake('b')],
      { concurrency: 1, warmupSeconds: 1, durationSeconds: 1, rounds: 3 },
      () => undefined,
    );

    expect(calls).toEqual([
      'warm a',
      'warm b',
      'measure a',
      'measure b',
      'measure b',
      'measure a',
      'measure a',
      'measure b',
    ]);
  });
});
